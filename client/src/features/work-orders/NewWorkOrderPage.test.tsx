import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { customer, listItem, site, validationProblem } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import { W1, workOrderDto } from './detail/testData'
import NewWorkOrderPage from './NewWorkOrderPage'

function setup(createWorkOrder: (...args: unknown[]) => Promise<unknown>) {
  return fakeApi({
    customers: { getCustomer: vi.fn(async () => customer()), getCustomers: vi.fn(async () => ({ items: [listItem()], nextCursor: null })) },
    sites: { getSites: vi.fn(async () => ({ items: [site()], nextCursor: null })) },
    contracts: { getContracts: vi.fn(async () => ({ items: [], nextCursor: null })) },
    assets: { getAssets: vi.fn(async () => ({ items: [], nextCursor: null })) },
    workOrders: { createWorkOrder: createWorkOrder as never },
  })
}

describe('new work order', () => {
  it('puts the API’s validation errors (ProblemDetails errors map) on their fields', async () => {
    const createWorkOrder = vi.fn(() =>
      Promise.reject(
        validationProblem({
          title: ["'Title' must be 200 characters or fewer."],
          'requester.email': ["'Email' is not a valid email address."],
          scheduledEnd: ["'Scheduled End' must not be before 'Scheduled Start'."],
        }),
      ),
    )
    const { api } = setup(createWorkOrder)
    const { user } = renderWithApp(<NewWorkOrderPage />, { api, path: '/work-orders/new?customerId=c1' })

    // ?customerId= preselects the customer; its only active site is chosen.
    expect(await screen.findByTitle('Acme Heating')).toBeInTheDocument()
    expect(await screen.findByTitle('Main plant')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Boiler does not start')
    await user.type(screen.getByRole('textbox', { name: 'Service requested' }), 'Inspect and repair the boiler')
    await user.click(screen.getByRole('radio', { name: 'E-mail' }).closest('label')!)
    await user.type(await screen.findByRole('textbox', { name: 'Requester name' }), 'Ray Requester')
    await user.type(screen.getByRole('textbox', { name: 'Requester e-mail' }), 'ray(at)acme')
    await user.click(screen.getByRole('button', { name: 'Open work order' }))

    expect(await screen.findByText("'Title' must be 200 characters or fewer.")).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText("'Email' is not a valid email address.")).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Requester e-mail' })).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText("'Scheduled End' must not be before 'Scheduled Start'.")).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('Correct the highlighted fields and save again.')
    expect(createWorkOrder).toHaveBeenCalledWith(
      expect.objectContaining({
        customerId: 'c1',
        siteId: 's1',
        title: 'Boiler does not start',
        serviceRequested: 'Inspect and repair the boiler',
        category: 'Service',
        source: 'Email',
        requester: { name: 'Ray Requester', email: 'ray(at)acme' },
      }),
      expect.any(String), // the Idempotency-Key
    )
  })

  it('opens the work order and lands on its page', async () => {
    const createWorkOrder = vi.fn(async (..._args: unknown[]) => workOrderDto())
    const { api } = setup(createWorkOrder)
    const { user, url } = renderWithApp(<NewWorkOrderPage />, { api, path: '/work-orders/new?customerId=c1' })
    await screen.findByTitle('Main plant')
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Boiler does not start')
    await user.type(screen.getByRole('textbox', { name: 'Service requested' }), 'Inspect and repair the boiler')
    await user.click(screen.getByRole('button', { name: 'Open work order' }))
    await waitFor(() => expect(url()).toBe(`/work-orders/${W1}`))
    // An office work order has no requester unless the source asks for one.
    expect(createWorkOrder.mock.calls[0][0]).toMatchObject({ source: 'Office', requester: undefined, contractId: null, equipmentIds: null })
  })

  it('asks for customer, site, title and service before calling the API', async () => {
    const createWorkOrder = vi.fn(async () => workOrderDto())
    const { api } = setup(createWorkOrder)
    const { user } = renderWithApp(<NewWorkOrderPage />, { api, path: '/work-orders/new' })
    await user.click(await screen.findByRole('button', { name: 'Open work order' }))
    expect(await screen.findByText('Choose the customer.')).toBeInTheDocument()
    expect(screen.getByText('Enter a title.')).toBeInTheDocument()
    expect(createWorkOrder).not.toHaveBeenCalled()
  })
})
