import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { WorkOrderDto } from '../../api'
import { fakeApi, renderWithApp, userWith } from '../../test/render'
import { progressDto, timeEntry, W1, workOrderDto } from './detail/testData'
import WorkOrderPage from './WorkOrderPage'

const statusActions = () => screen.findByRole('group', { name: 'Status actions' })
const buttonNames = (group: HTMLElement) => within(group).getAllByRole('button').map((b) => b.textContent)

function setup(workOrder: WorkOrderDto, more: Parameters<typeof fakeApi>[0] = {}, etag = '"3"') {
  const getWorkOrder = vi.fn(async () => workOrder)
  const fake = fakeApi({ ...more, workOrders: { getWorkOrder, ...more.workOrders } }, etag)
  return { ...fake, getWorkOrder }
}

describe('work-order page: status actions', () => {
  it('offers exactly the actions of the response’s allowedActions', async () => {
    const { api } = setup(workOrderDto({ status: 'Draft', allowedActions: ['Publish', 'Cancel'] }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, path: `/work-orders/${W1}` })
    expect(await screen.findByRole('heading', { name: 'WO-000123 Boiler does not start' })).toBeInTheDocument()
    expect(buttonNames(await statusActions())).toEqual(['Publish', 'Cancel work order…'])
    expect(screen.queryByRole('button', { name: 'Start work' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Assign…' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Complete…' })).not.toBeInTheDocument()
  })

  it('offers the in-progress actions when the API allows them', async () => {
    const { api } = setup(workOrderDto({ status: 'InProgress', allowedActions: ['WaitForParts', 'WaitForVendor', 'WaitForCustomer', 'Complete', 'Cancel'] }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    expect(buttonNames(await statusActions())).toEqual(['Wait for parts…', 'Wait on vendor…', 'Wait on customer…', 'Complete…', 'Cancel work order…'])
  })

  it('offers a technician only the allowed actions a technician may take (no unassign, no cancel)', async () => {
    const { api } = setup(workOrderDto({ status: 'Assigned', allowedActions: ['Assign', 'Unassign', 'Start', 'Complete', 'Cancel'] }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith('Technician') })
    expect(buttonNames(await statusActions())).toEqual(['Start work', 'Complete…'])
  })

  it('shows no actions to Accounts Receivable (read only)', async () => {
    const { api } = setup(workOrderDto())
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith('AccountsReceivable') })
    await screen.findByRole('heading', { name: 'WO-000123 Boiler does not start' })
    expect(screen.queryByRole('group', { name: 'Status actions' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument()
  })

  it('publishes with If-Match of the version read, and shows the new status', async () => {
    const transitionWorkOrder = vi.fn(async () => workOrderDto({ status: 'Published', allowedActions: ['Assign', 'Cancel'], version: 4 }))
    const { api, requests } = setup(workOrderDto(), { workOrders: { transitionWorkOrder } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    await user.click(within(await statusActions()).getByRole('button', { name: 'Publish' }))
    await waitFor(() => expect(transitionWorkOrder).toHaveBeenCalledWith(W1, { toWorkMarket: false, action: 'Publish' }))
    expect(requests.some((r) => r.headers?.['If-Match'] === '"3"')).toBe(true)
    await waitFor(async () => expect(buttonNames(await statusActions())).toEqual(['Assign…', 'Cancel work order…']))
    expect(screen.getByText('Published', { selector: '.status-tag' })).toBeInTheDocument()
  })

  it('cancel asks for a reason and refuses an empty one', async () => {
    const transitionWorkOrder = vi.fn(async () => workOrderDto({ status: 'Cancelled', allowedActions: [], cancellationReason: 'Duplicate of WO-000122' }))
    const { api } = setup(workOrderDto(), { workOrders: { transitionWorkOrder } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    await user.click(within(await statusActions()).getByRole('button', { name: 'Cancel work order…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this work order?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel work order' }))
    expect(await within(dialog).findByText('Enter the reason for cancelling.')).toBeInTheDocument()
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }), '   ')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel work order' }))
    expect(await within(dialog).findByText('Enter the reason for cancelling.')).toBeInTheDocument()
    expect(transitionWorkOrder).not.toHaveBeenCalled()

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }), 'Duplicate of WO-000122')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel work order' }))
    await waitFor(() => expect(transitionWorkOrder).toHaveBeenCalledWith(W1, { toWorkMarket: false, action: 'Cancel', reason: 'Duplicate of WO-000122' }))
  })

  it('shows a 412 with a refresh that reads the work order again', async () => {
    const transitionWorkOrder = vi.fn(() => Promise.reject({ status: 412, title: 'Precondition failed' }))
    const { api, getWorkOrder } = setup(workOrderDto(), { workOrders: { transitionWorkOrder } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    await user.click(within(await statusActions()).getByRole('button', { name: 'Publish' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Someone else changed this work order')
    expect(getWorkOrder).toHaveBeenCalledTimes(1)
    await user.click(within(alert).getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(getWorkOrder).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })

  it('shows a 409 (not allowed now) with the server’s reason', async () => {
    const transitionWorkOrder = vi.fn(() =>
      Promise.reject({ status: 409, title: 'Business rule broken', detail: 'Cannot Publish a work order that is Published: Published → Published is not allowed.' }),
    )
    const { api } = setup(workOrderDto(), { workOrders: { transitionWorkOrder } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    await user.click(within(await statusActions()).getByRole('button', { name: 'Publish' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Published → Published is not allowed.')
  })
})

describe('work-order page: sections', () => {
  it('shows the status history: who, when and why', async () => {
    const history: WorkOrderDto['history'] = [
      ...workOrderDto().history,
      { from: 'Draft', to: 'Published', action: 'Publish', changedByName: 'Dana Dispatcher', changedAt: '2026-01-03T10:00:00Z', reason: null },
      { from: 'Published', to: 'Cancelled', action: 'Cancel', changedByName: 'Dana Dispatcher', changedAt: '2026-01-04T10:00:00Z', reason: 'Customer withdrew' },
    ]
    const { api } = setup(workOrderDto({ status: 'Cancelled', allowedActions: [], history }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    const tab = await screen.findByTestId('history-tab')
    const rows = within(tab).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    expect(rows[0]).toHaveTextContent(/Cancelled.*Dana Dispatcher.*Customer withdrew/)
    expect(rows[2]).toHaveTextContent(/Opened.*Administrator.*Opened from Office/)
  })

  it('adds a comment', async () => {
    const addComment = vi.fn(async () => ({ id: 'k1', authorName: 'Administrator', text: 'Called the customer', byCustomer: false, createdAt: '2026-01-02T12:00:00Z' }))
    const { api } = setup(workOrderDto(), { workOrders: { addComment } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, path: `/work-orders/${W1}?tab=comments` })
    await user.type(await screen.findByRole('textbox', { name: 'Add a comment' }), 'Called the customer')
    await user.click(screen.getByRole('button', { name: 'Add comment' }))
    await waitFor(() => expect(addComment).toHaveBeenCalledWith(W1, { text: 'Called the customer' }))
  })
})

describe('work-order page: edit', () => {
  it('saves the details with If-Match; a 412 says so and loads the other version', async () => {
    const updateWorkOrder = vi
      .fn()
      .mockRejectedValueOnce({ status: 412, title: 'Precondition failed' })
      .mockResolvedValueOnce(workOrderDto({ title: 'Boiler leaks', version: 5 }))
    const { api, requests, getWorkOrder } = setup(workOrderDto({ equipmentIds: ['a1'] }), { workOrders: { updateWorkOrder }, assets: { getAssets: vi.fn(async () => ({ items: [], nextCursor: null })) } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    await user.click(await screen.findByRole('button', { name: /Edit/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit WO-000123' })
    const title = within(dialog).getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    await user.type(title, 'Boiler leaks')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(await within(dialog).findByText(/Someone else changed this record/)).toBeInTheDocument()
    expect(requests.some((r) => r.headers?.['If-Match'] === '"3"')).toBe(true)
    await waitFor(() => expect(getWorkOrder).toHaveBeenCalledTimes(2))
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(updateWorkOrder).toHaveBeenCalledTimes(2))
    // The equipment is kept (the form does not edit it), the rest is the form's.
    expect(updateWorkOrder.mock.calls[1]).toEqual([
      W1,
      expect.objectContaining({ title: 'Boiler leaks', serviceRequested: 'Inspect and repair the boiler', category: 'Service', equipmentIds: ['a1'], scheduledStart: null }),
    ])
  })

  it('offers no edit once the work order is closed', async () => {
    const { api } = setup(workOrderDto({ status: 'Completed', allowedActions: [] }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api })
    await screen.findByRole('heading', { name: 'WO-000123 Boiler does not start' })
    expect(screen.queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument()
  })
})

describe('work-order page: time & billing', () => {
  const billing = (over: Partial<Parameters<typeof fakeApi>[0] & object>['billing'] = {}) => ({
    getTimeEntries: vi.fn(async () => [timeEntry()]),
    getWorkOrderProgress: vi.fn(async () => progressDto()),
    ...over,
  })

  it('shows worked vs billed hours and the 1-hour minimum applied', async () => {
    const wo = workOrderDto({ status: 'Completed', allowedActions: [], workedHours: 0.25, billedHours: 1, billedMinimumApplied: true, billedAt: '2026-01-05T10:00:00Z' })
    const { api } = setup(wo, { billing: billing() })
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, path: `/work-orders/${W1}?tab=time` })
    const hours = await screen.findByTestId('hours')
    expect(within(hours).getByText('Worked').closest('.ant-statistic')).toHaveTextContent('0.25 h')
    expect(within(hours).getByText('Billed').closest('.ant-statistic')).toHaveTextContent('1 h')
    expect(within(hours).getByTestId('minimum-applied')).toHaveTextContent('1-hour minimum applied')
  })

  it('does not show the minimum flag when the hours asked were billed as they are', async () => {
    const wo = workOrderDto({ status: 'Completed', allowedActions: [], workedHours: 2, billedHours: 2, billedMinimumApplied: false })
    const { api } = setup(wo, { billing: billing() })
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, path: `/work-orders/${W1}?tab=time` })
    const hours = await screen.findByTestId('hours')
    expect(within(hours).getByText('Billed').closest('.ant-statistic')).toHaveTextContent('2 h')
    expect(within(hours).queryByTestId('minimum-applied')).not.toBeInTheDocument()
  })

  it('an assessor sets billed hours (If-Match): below 1 hour says the minimum was applied, and a negative bank is invoiced', async () => {
    const setBilledHours = vi.fn(async () => ({
      workOrderId: W1,
      displayNumber: 'WO-000123',
      customerId: 'c1',
      requestedHours: 0.25,
      billedHours: 1,
      minimumApplied: true,
      minimumBilledHours: 1,
      debitedHours: 1,
      creditBalance: -0.5,
      balanceNegative: true,
      warning: 'The credit-hour balance is negative.',
      version: 4,
    }))
    const wo = workOrderDto({ status: 'Completed', allowedActions: [], workedHours: 0.25 })
    const { api, requests } = setup(wo, { billing: billing({ setBilledHours }) })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, path: `/work-orders/${W1}?tab=time`, me: userWith('AccountsReceivable') })
    await user.click(await screen.findByRole('button', { name: 'Set billed hours…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Billed hours of WO-000123' })
    const input = within(dialog).getByRole('spinbutton', { name: 'Billed hours' })
    await user.clear(input)
    await user.type(input, '0.25')
    await user.click(within(dialog).getByRole('button', { name: 'Set billed hours' }))
    await waitFor(() => expect(setBilledHours).toHaveBeenCalledWith(W1, { hours: 0.25, note: null }))
    expect(requests.some((r) => r.headers?.['If-Match'] === '"3"')).toBe(true)
    const result = await screen.findByText(/Billed 1 h \(1-hour minimum applied: 0.25 h asked\)/)
    expect(result.closest('.ant-alert')).toHaveTextContent('The overage will be invoiced.')
  })

  it('a technician runs its own timer: start, then the running state with the elapsed time and Stop', async () => {
    const tech = userWith('Technician')
    const entries = [timeEntry({ userId: 'someone-else', userName: 'Other Tech', isRunning: true, endedAt: null })]
    const getTimeEntries = vi.fn(async () => entries)
    const startTimer = vi.fn(async () => {
      const entry = timeEntry({ id: 't2', userId: tech.id, userName: 'Technician', isRunning: true, endedAt: null, startedAt: new Date(Date.now() - 65_000).toISOString() })
      entries.push(entry)
      return { entry, workedHours: 0 }
    })
    const wo = workOrderDto({ status: 'InProgress', allowedActions: ['Complete'] })
    const { api } = setup(wo, { billing: { getTimeEntries, startTimer } })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, path: `/work-orders/${W1}?tab=time`, me: tech })
    const timer = await screen.findByTestId('timer')
    // Someone else's running timer is not mine.
    expect(await within(timer).findByText('Not running.')).toBeInTheDocument()
    await user.click(within(timer).getByRole('button', { name: /Start timer/ }))
    await waitFor(() => expect(startTimer).toHaveBeenCalledWith(W1))
    expect(await within(timer).findByRole('button', { name: /Stop timer/ })).toBeInTheDocument()
    expect(within(timer).getByLabelText('Elapsed time')).toHaveTextContent(/^0:01:0\d$/)
    // A technician is no assessor: no billing, no progress report.
    expect(screen.queryByRole('button', { name: /billed hours/ })).not.toBeInTheDocument()
  })
})
