import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { BulkWorkOrdersCommand } from '../../../api'
import { fakeApi, renderWithApp, userWith } from '../../../test/render'
import { bulkResult } from '../list/testData'
import { BulkDialog } from './BulkDialog'
import { BulkMenu } from './BulkMenu'
import { previewSummary } from './text'

const A = { id: 'a', number: 'WO-000001' }
const B = { id: 'b', number: 'WO-000002' }
const C = { id: 'c', number: 'WO-000003' }
const notDraft = 'Published: cannot publish (allowed from Draft)'

async function menuItems(roles: string[]) {
  const { user } = renderWithApp(<BulkMenu roles={roles} count={2} onChoose={vi.fn()} />, { me: userWith(...roles) })
  await user.click(screen.getByRole('button', { name: /Bulk actions/ }))
  const menu = await screen.findByRole('menu')
  return within(menu).getAllByRole('menuitem').map((i) => i.textContent)
}

describe('bulk actions menu', () => {
  it('offers a dispatcher the office actions, not the invoice flags or payment approval', async () => {
    expect(await menuItems(['Dispatcher'])).toEqual([
      'Publish',
      'Assign to service provider…',
      'Assign to team…',
      'Send to WorkMarket',
      'Complete…',
      'Cancel…',
      'Delete',
    ])
  })

  it('offers Accounts Receivable only the invoice flags', async () => {
    expect(await menuItems(['AccountsReceivable'])).toEqual(['Mark invoiced', 'Mark invoice not required'])
  })

  it('offers a project manager the office actions and payment approval; Admin everything', async () => {
    const pm = await menuItems(['ProjectManager'])
    expect(pm).toContain('Approve payment')
    expect(pm).toContain('Publish')
    expect(pm).not.toContain('Mark invoiced')
  })

  it('offers Admin all ten actions, and nothing at all to a technician', async () => {
    expect(await menuItems(['Admin'])).toHaveLength(10)
    const { container } = renderWithApp(<BulkMenu roles={['Technician']} count={2} onChoose={vi.fn()} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('bulk dialog', () => {
  it('previews with a dry run ("2 will publish, 1 skipped: …"), confirms with an Idempotency-Key, shows per-item results and selects the failed', async () => {
    const bulkWorkOrders = vi.fn(async (body: BulkWorkOrdersCommand, _key?: string) =>
      bulkResult('Publish', body.dryRun, [
        { ...A, ok: true, status: 'Published' },
        { ...B, ok: !body.dryRun ? false : true, reason: 'deleted' },
        { ...C, ok: false, reason: notDraft, status: 'Published' },
      ]),
    )
    const { api } = fakeApi({ workOrders: { bulkWorkOrders } })
    const onSelectIds = vi.fn()
    const onClose = vi.fn()
    const { user } = renderWithApp(<BulkDialog action="Publish" ids={['a', 'b', 'c']} onClose={onClose} onSelectIds={onSelectIds} />, { api })

    const preview = await screen.findByTestId('bulk-preview')
    expect(within(preview).getByRole('status')).toHaveTextContent(`2 will publish, 1 skipped: ${notDraft}`)
    expect(within(preview).getByText('1 skipped:')).toBeInTheDocument()
    expect(within(preview).getByRole('link', { name: 'WO-000003' })).toBeInTheDocument()
    expect(bulkWorkOrders).toHaveBeenCalledTimes(1)
    expect(bulkWorkOrders.mock.calls[0][0]).toMatchObject({ action: 'Publish', ids: ['a', 'b', 'c'], dryRun: true })
    expect(bulkWorkOrders.mock.calls[0][1]).toBeUndefined()

    const confirm = screen.getByRole('button', { name: 'Confirm: Publish 2 work events' })
    await user.dblClick(confirm)

    const results = await screen.findByTestId('bulk-results')
    expect(bulkWorkOrders).toHaveBeenCalledTimes(2) // the double click acted once
    expect(bulkWorkOrders.mock.calls[1][0]).toMatchObject({ dryRun: false, ids: ['a', 'b', 'c'] })
    expect(bulkWorkOrders.mock.calls[1][1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(within(results).getByText('1 succeeded, 2 failed')).toBeInTheDocument()
    expect(within(results).getByText(`1 failed: ${notDraft}`)).toBeInTheDocument()
    // The failed ones are listed first, with their reasons.
    const rows = within(results).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringMatching(/WO-000002.*Failed.*deleted/), expect.stringMatching(/WO-000003.*Failed.*Published/)])

    await user.click(within(results).getByRole('button', { name: 'Select failed (2)' }))
    expect(onSelectIds).toHaveBeenCalledWith(['b', 'c'])
    expect(onClose).toHaveBeenCalled()
  })

  it('asks for the provider before previewing an assignment, and sends it', async () => {
    const bulkWorkOrders = vi.fn(async (body: BulkWorkOrdersCommand) => bulkResult('AssignProvider', body.dryRun, [{ ...A, ok: true }]))
    const { api } = fakeApi({
      workOrders: { bulkWorkOrders },
      serviceProviders: {
        getServiceProviders: vi.fn(async () => ({
          items: [{ id: 'p1', name: 'Pat Plumber', email: 'p@x.test', kind: 'ExternalTechnician' as const, isActive: true, isThirdParty: true, version: 1 }],
          nextCursor: null,
        })),
      },
    })
    const { user } = renderWithApp(<BulkDialog action="AssignProvider" ids={['a']} onClose={vi.fn()} onSelectIds={vi.fn()} />, { api })
    const previewButton = await screen.findByRole('button', { name: 'Preview' })
    expect(previewButton).toBeDisabled()
    await user.click(screen.getByLabelText('Service provider'))
    await user.click(await screen.findByTitle('Pat Plumber (third party)'))
    await user.click(previewButton)
    expect(await screen.findByText('1 will be assigned')).toBeInTheDocument()
    expect(bulkWorkOrders.mock.calls[0][0]).toMatchObject({ action: 'AssignProvider', providerId: 'p1', teamId: null, dryRun: true })
  })

  it('summarises several skip reasons as a count, each group listed under it', () => {
    const r = bulkResult('Cancel', true, [
      { ...A, ok: true },
      { ...B, ok: false, reason: 'deleted' },
      { ...C, ok: false, reason: 'Completed: cannot cancel' },
    ])
    expect(previewSummary(r)).toBe('1 will be cancelled, 2 skipped')
    expect(previewSummary({ ...r, failed: 0, failureReasons: [] })).toBe('1 will be cancelled')
  })
})

describe('bulk from the grid', () => {
  it('runs on the selected rows and refreshes the list afterwards', async () => {
    const { woItem } = await import('../list/testData')
    const rows = [woItem({ number: 41 }), woItem({ number: 42 })]
    const getWorkOrders = vi.fn(async () => ({ items: rows, nextCursor: null }))
    const bulkWorkOrders = vi.fn(async (body: BulkWorkOrdersCommand) =>
      bulkResult('Publish', body.dryRun, body.ids.map((id, i) => ({ id, number: `WO-00004${i + 1}`, ok: true }))),
    )
    const { api } = fakeApi({ workOrders: { getWorkOrders: getWorkOrders as never, bulkWorkOrders } })
    const { default: WorkOrdersPage } = await import('../WorkOrdersPage')
    const { user } = renderWithApp(<WorkOrdersPage />, { api, path: '/work-orders', me: userWith('Dispatcher') })
    await user.click(await screen.findByRole('checkbox', { name: 'Select WO-000042' }))
    await user.click(screen.getByRole('button', { name: 'Bulk actions on 1 selected' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Publish' }))
    await user.click(await screen.findByRole('button', { name: 'Confirm: Publish 1 work event' }))
    await screen.findByText('1 succeeded, 0 failed')
    expect(bulkWorkOrders.mock.lastCall![0]).toMatchObject({ ids: [rows[1].id], dryRun: false })
    await waitFor(() => expect(getWorkOrders).toHaveBeenCalledTimes(2))
  })
})
