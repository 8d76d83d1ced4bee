import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { WorkMarketSyncDto, WorkOrderDto } from '../../../api'
import { message } from '../../../shared/feedback'
import { fakeApi, renderWithApp, userWith } from '../../../test/render'
import WorkOrderPage from '../WorkOrderPage'
import { W1, workOrderDto } from './testData'

const failedSync: WorkMarketSyncDto = {
  status: 'Failed',
  assignmentId: '100000042',
  workMarketStatus: 'draft',
  lastError: 'WorkMarket refused the assignment: talent pool 1001 does not exist.',
  attempts: 3,
  lastSyncedAt: '2026-01-03T10:00:00Z',
  updatedAt: '2026-01-03T10:05:00Z',
}

const routed = (over: Partial<WorkOrderDto> = {}) =>
  workOrderDto({ status: 'Published', allowedActions: ['Assign', 'Cancel'], routing: 'WorkMarket', workMarket: failedSync, ...over })

function setup(workOrder: WorkOrderDto) {
  const getWorkOrder = vi.fn(async () => workOrder)
  const resyncWorkMarket = vi.fn(async (): Promise<WorkMarketSyncDto> => ({ ...failedSync, status: 'Pending', lastError: null, attempts: 0, updatedAt: '2026-01-03T11:00:00Z' }))
  const { api } = fakeApi({ workOrders: { getWorkOrder, resyncWorkMarket } })
  return { api, getWorkOrder, resyncWorkMarket }
}

const panel = () => screen.findByRole('region', { name: 'WorkMarket' })

describe('work-order page: WorkMarket panel', () => {
  it('shows the sync state and the last error in an alert; a dispatcher re-syncs, and sees the new state', async () => {
    const { api, resyncWorkMarket, getWorkOrder } = setup(routed())
    // Read again after the re-sync, the work order has the new state (the dispatch waits for the outbox job).
    getWorkOrder.mockResolvedValueOnce(routed()).mockResolvedValue(routed({ workMarket: { ...failedSync, status: 'Pending', lastError: null, attempts: 0 } }))
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith('Dispatcher') })
    const wm = await panel()
    expect(within(wm).getByText('Failed', { selector: '.status-tag' })).toBeInTheDocument()
    const alert = within(wm).getByRole('alert')
    expect(alert).toHaveTextContent('Last error')
    expect(alert).toHaveTextContent('WorkMarket refused the assignment: talent pool 1001 does not exist.')
    expect(wm).toHaveTextContent(/Assignment id\s*100000042/)
    expect(wm).toHaveTextContent(/Status on WorkMarket\s*draft/)
    expect(wm).toHaveTextContent(/Attempts\s*3/)

    await user.click(within(wm).getByRole('button', { name: /Re-sync/ }))
    await waitFor(() => expect(resyncWorkMarket).toHaveBeenCalledWith(W1))
    expect(message.success).toHaveBeenCalledWith('WO-000123 is queued to be sent to WorkMarket again.')
    // The work order is read again: Pending, the old error gone.
    await waitFor(() => expect(getWorkOrder).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'WorkMarket' })).getByText('Pending', { selector: '.status-tag' })).toBeInTheDocument())
    expect(within(screen.getByRole('region', { name: 'WorkMarket' })).queryByRole('alert')).not.toBeInTheDocument()
  })

  it('offers Re-sync to Admin too', async () => {
    const { api } = setup(routed())
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith('Admin') })
    expect(within(await panel()).getByRole('button', { name: /Re-sync/ })).toBeInTheDocument()
  })

  it.each(['ProjectManager', 'TeamManager', 'AccountsReceivable', 'Technician'])('shows %s the panel and the error, but no Re-sync (the API allows Dispatcher and Admin)', async (role) => {
    const { api } = setup(routed())
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith(role) })
    const wm = await panel()
    expect(within(wm).getByRole('alert')).toHaveTextContent('talent pool 1001 does not exist')
    expect(within(wm).queryByRole('button', { name: /Re-sync/ })).not.toBeInTheDocument()
  })

  it('offers no Re-sync on a closed work order (the API answers 409)', async () => {
    const { api } = setup(routed({ status: 'Completed', allowedActions: [] }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith('Dispatcher') })
    const wm = await panel()
    expect(within(wm).queryByRole('button', { name: /Re-sync/ })).not.toBeInTheDocument()
  })

  it('shows the server’s reason when a re-sync is refused', async () => {
    const { api, resyncWorkMarket } = setup(routed())
    resyncWorkMarket.mockRejectedValueOnce({ status: 409, title: 'Business rule broken', detail: 'The work order is not routed to WorkMarket.' })
    const { user } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api, me: userWith('Dispatcher') })
    await user.click(within(await panel()).getByRole('button', { name: /Re-sync/ }))
    expect(await within(await panel()).findByText('The work order is not routed to WorkMarket.')).toBeInTheDocument()
  })

  it('says a routed work order was not sent yet when there is no sync state, and has no panel when not routed to WorkMarket', async () => {
    const first = setup(routed({ workMarket: undefined }))
    const { unmount } = renderWithApp(<WorkOrderPage workOrderId={W1} />, { api: first.api, me: userWith('Dispatcher') })
    const wm = await panel()
    expect(wm).toHaveTextContent('Not sent to WorkMarket yet')
    expect(within(wm).queryByRole('alert')).not.toBeInTheDocument()
    unmount()

    const second = setup(workOrderDto({ routing: 'Unassigned', workMarket: undefined }))
    renderWithApp(<WorkOrderPage workOrderId={W1} />, { api: second.api, me: userWith('Dispatcher') })
    await screen.findByRole('heading', { name: 'WO-000123 Boiler does not start' })
    expect(screen.queryByRole('region', { name: 'WorkMarket' })).not.toBeInTheDocument()
  })
})
