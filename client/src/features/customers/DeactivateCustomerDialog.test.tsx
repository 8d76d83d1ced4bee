import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { message } from '../../shared/feedback'
import { dryRun } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import { DeactivateCustomerDialog, describeImpact } from './DeactivateCustomerDialog'

describe('Deactivate customer dialog', () => {
  it('shows the dry run (blast radius) with a CAUTION before the user can confirm', async () => {
    const deactivateCustomer = vi.fn(async (_id: string, body?: { dryRun: boolean; reason?: string | null }) =>
      body?.dryRun ? dryRun() : dryRun({ dryRun: false }),
    )
    const { api } = fakeApi({ customers: { deactivateCustomer } })
    const onClose = vi.fn()
    const { user } = renderWithApp(<DeactivateCustomerDialog customer={{ id: 'c1', name: 'Acme Heating' }} onClose={onClose} />, { api })

    const preview = await screen.findByTestId('blast-radius')
    expect(deactivateCustomer).toHaveBeenCalledWith('c1', { reason: null, dryRun: true })
    expect(within(preview).getByText('CAUTION')).toBeInTheDocument()
    expect(within(preview).getByText('2 sites will be deactivated')).toBeInTheDocument()
    expect(within(preview).getByText('1 active contract will be cancelled')).toBeInTheDocument()
    expect(within(preview).getByText('Warehouse')).toBeInTheDocument()

    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Contract ended')
    await user.click(screen.getByRole('button', { name: 'Deactivate customer' }))

    await waitFor(() => expect(deactivateCustomer).toHaveBeenLastCalledWith('c1', { reason: 'Contract ended', dryRun: false }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(message.success).toHaveBeenCalledWith('“Acme Heating” deactivated: 2 sites were deactivated, 1 active contract was cancelled.')
  })

  it('says so when nothing else is affected', async () => {
    const { api } = fakeApi({
      customers: { deactivateCustomer: vi.fn(async () => dryRun({ changes: [{ kind: 'sites', change: 'deactivated', count: 0, items: [] }] })) },
    })
    renderWithApp(<DeactivateCustomerDialog customer={{ id: 'c1', name: 'Acme Heating' }} onClose={() => {}} />, { api })
    expect(await screen.findByText(/Only the customer is deactivated/)).toBeInTheDocument()
  })

  it('shows why the preview failed (409) and does not allow confirming', async () => {
    const { api } = fakeApi({
      customers: { deactivateCustomer: vi.fn(() => Promise.reject({ status: 409, title: 'Conflict', detail: 'The customer is already deactivated.' })) },
    })
    renderWithApp(<DeactivateCustomerDialog customer={{ id: 'c1', name: 'Acme Heating' }} onClose={() => {}} />, { api })
    expect(await screen.findByText('The customer is already deactivated.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Deactivate customer' })).toBeDisabled()
  })
})

describe('describeImpact', () => {
  it('words work orders as work events', () => {
    expect(describeImpact({ kind: 'workOrders', change: 'cancelled', count: 3, items: [] })).toBe('3 open work events will be cancelled')
    expect(describeImpact({ kind: 'sites', change: 'deactivated', count: 1, items: [] }, false)).toBe('1 site was deactivated')
  })
})
