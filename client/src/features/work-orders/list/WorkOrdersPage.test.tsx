import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { WorkOrderListItemDto } from '../../../api'
import { customer } from '../../../test/data'
import { fakeApi, renderWithApp, userWith } from '../../../test/render'
import WorkOrdersPage from '../WorkOrdersPage'
import { C1, woItem } from './testData'

const page = (items: WorkOrderListItemDto[], nextCursor: string | null = null) => Promise.resolve({ items, nextCursor })

/** The arguments of getWorkOrders by name (the generated client takes them positionally). */
const args = (call: unknown[]) => {
  const [customerId, status, routing, providerId, teamId, invoiceStatus, paymentApproved, source, category] = call
  return { customerId, status, routing, providerId, teamId, invoiceStatus, paymentApproved, source, category, q: call[13], sort: call[15], limit: call[16], cursor: call[17] }
}

function setup(getWorkOrders = vi.fn((..._a: unknown[]) => page([woItem({ number: 7 }), woItem({ number: 8, status: 'Published' })]))) {
  const { api } = fakeApi({
    workOrders: { getWorkOrders: getWorkOrders as never },
    customers: {
      getCustomer: vi.fn(async () => customer({ id: C1 })),
      getCustomers: vi.fn(async () => ({ items: [], nextCursor: null })),
    },
    serviceProviders: {
      getServiceProviders: vi.fn(async () => ({ items: [], nextCursor: null })),
      getServiceProviderTeams: vi.fn(async () => []),
    },
  })
  return { api, getWorkOrders }
}

describe('Work Events page', () => {
  it('opens the customers grid’s link: that customer, In Progress including the Waiting states', async () => {
    const { api, getWorkOrders } = setup()
    renderWithApp(<WorkOrdersPage />, { api, path: `/work-orders?customerId=${C1}&status=InProgress` })

    const link = await screen.findByRole('link', { name: 'WO-000007' })
    expect(link).toHaveAttribute('href', expect.stringMatching(/\/work-orders\/00000000-0000-4000-8000-000000000007$/))
    expect(args(getWorkOrders.mock.calls[0])).toMatchObject({
      customerId: C1,
      status: ['InProgress', 'WaitingParts', 'WaitingOnVendor', 'WaitingOnCustomer'],
      sort: 'Newest',
      limit: 50,
      cursor: undefined,
    })
    const tags = screen.getByRole('group', { name: 'Active filters' })
    expect(await within(tags).findByText('Customer: Acme Heating')).toBeInTheDocument()
    expect(within(tags).getByText('Status: In Progress (incl. waiting)')).toBeInTheDocument()
  })

  it('applies filters from the Select Filters panel into the URL, and a tag removes its own condition', async () => {
    const { api, getWorkOrders } = setup()
    const { user, url } = renderWithApp(<WorkOrdersPage />, { api, path: `/work-orders?customerId=${C1}` })
    await screen.findByRole('link', { name: 'WO-000007' })

    await user.click(screen.getByRole('button', { name: /Select Filters/ }))
    const drawer = await screen.findByRole('dialog') // (jsdom: antd's aria-labelledby ids are not unique here)
    expect(drawer).toHaveTextContent('Select Filters')
    await user.type(within(drawer).getByLabelText('Text'), 'boiler')
    await user.click(within(drawer).getByLabelText('Category'))
    await user.click(await screen.findByTitle('Special read'))
    await user.type(within(drawer).getByLabelText('Scheduled from'), '2026-02-01')
    await user.click(within(drawer).getByRole('button', { name: 'Apply' }))

    await waitFor(() => expect(url()).toBe(`/work-orders?q=boiler&customerId=${C1}&category=SpecialRead&scheduledFrom=2026-02-01`))
    await waitFor(() => expect(args(getWorkOrders.mock.lastCall!)).toMatchObject({ customerId: C1, category: 'SpecialRead', q: 'boiler' }))
    expect(getWorkOrders.mock.lastCall![11]).toBe(new Date('2026-02-01T00:00:00').toISOString())

    const tags = screen.getByRole('group', { name: 'Active filters' })
    await user.click(within(tags).getByLabelText('Remove filter Category: Special read'))
    await waitFor(() => expect(url()).toBe(`/work-orders?q=boiler&customerId=${C1}&scheduledFrom=2026-02-01`))

    await user.click(within(screen.getByRole('group', { name: 'Active filters' })).getByRole('button', { name: 'Clear all' }))
    await waitFor(() => expect(url()).toBe('/work-orders'))
  })

  it('selects every work event matching the filter across pages (largest pages the API allows)', async () => {
    const getWorkOrders = vi.fn((...a: unknown[]) => {
      const { limit, cursor } = args(a)
      if (limit === 200) return page(cursor ? [woItem({ number: 3 })] : [woItem({ number: 1 }), woItem({ number: 2 })], cursor ? null : 'c2')
      return page([woItem({ number: 1 }), woItem({ number: 2 })], 'next')
    })
    const { api } = setup(getWorkOrders)
    const { user } = renderWithApp(<WorkOrdersPage />, { api, path: '/work-orders?status=Draft', me: userWith('Dispatcher') })
    await screen.findByRole('link', { name: 'WO-000001' })

    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded work events' }))
    expect(await screen.findByText(/All 2 loaded work events are selected/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Select all matching this filter (up to 10,000)' }))

    expect(await screen.findByText(/All 3 work events matching this filter are selected/)).toBeInTheDocument()
    expect(screen.getByText('3 selected')).toBeInTheDocument()
    const pages = getWorkOrders.mock.calls.map(args).filter((c) => c.limit === 200)
    expect(pages.map((c) => c.cursor)).toEqual([undefined, 'c2'])
    expect(pages.every((c) => (c.status as string[])[0] === 'Draft')).toBe(true)
  })

  it('opens a work event when its row is clicked', async () => {
    const { api } = setup()
    const { user, url } = renderWithApp(<WorkOrdersPage />, { api, path: '/work-orders' })
    await user.click(await screen.findByText('Boiler check 8'))
    await waitFor(() => expect(url()).toBe('/work-orders/00000000-0000-4000-8000-000000000008'))
  })

  it('offers New Work Order and selection to office staff, neither to technicians', async () => {
    const { api } = setup()
    renderWithApp(<WorkOrdersPage />, { api, path: '/work-orders', me: userWith('Dispatcher') })
    expect(await screen.findByRole('button', { name: /New Work Order/ })).toBeInTheDocument()
    expect(await screen.findByRole('checkbox', { name: 'Select WO-000007' })).toBeInTheDocument()
  })

  it('shows technicians the list without checkboxes or New Work Order', async () => {
    const { api } = setup()
    renderWithApp(<WorkOrdersPage />, { api, path: '/work-orders', me: userWith('Technician') })
    await screen.findByRole('link', { name: 'WO-000007' })
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /New Work Order/ })).not.toBeInTheDocument()
  })
})
