import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { customer, listItem, site } from '../../test/data'
import { fakeApi, renderWithApp, userWith } from '../../test/render'
import CustomersPage from './CustomersPage'

const page = (items = [listItem(), listItem({ id: 'c2', name: 'Borealis Cooling', status: 'Deactivated', city: null })], nextCursor: string | null = null) =>
  Promise.resolve({ items, nextCursor })

describe('All Customers page', () => {
  it('shows the customers with status, contact and the five work-event counts', async () => {
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(() => page()) } })
    renderWithApp(<CustomersPage />, { api, path: '/customers' })

    const row = (await screen.findByText('Acme Heating')).closest('tr')!
    expect(within(row).getByText('Active')).toBeInTheDocument()
    expect(within(row).getByText('ann@acme.test')).toBeInTheDocument()
    const counts = within(row).getByRole('group', { name: 'Work events by status' })
    expect(within(counts).getAllByRole('link').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Draft: 0',
      'Published: 0',
      'Assigned: 0',
      'In Progress: 0',
      'Completed: 0',
    ])
    expect(within(counts).getByRole('link', { name: 'Draft: 0' })).toHaveAttribute('href', '/work-orders?customerId=c1&status=Draft')
    expect(within(row).getByRole('link', { name: 'View Work Events' })).toHaveAttribute('href', '/work-orders?customerId=c1')
    expect(screen.getByText('Deactivated')).toBeInTheDocument()
  })

  it('shows the counts the API sends', async () => {
    const withCounts = listItem({ workOrderCounts: { draft: 2, published: 0, assigned: 0, inProgress: 5, completed: 0 } })
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(() => page([withCounts])) } })
    renderWithApp(<CustomersPage />, { api, path: '/customers' })
    expect(await screen.findByRole('link', { name: 'Draft: 2' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'In Progress: 5' })).toBeInTheDocument()
  })

  it('searches by any part of the name with Enter, and puts the search in the URL', async () => {
    const getCustomers = vi.fn(() => page())
    const { api } = fakeApi({ customers: { getCustomers } })
    const { user, url } = renderWithApp(<CustomersPage />, { api, path: '/customers' })
    await screen.findByText('Acme Heating')

    await user.type(screen.getByRole('textbox', { name: 'Search customers by name' }), 'cme{Enter}')

    await waitFor(() => expect(url()).toBe('/customers?q=cme'))
    await waitFor(() => expect(getCustomers).toHaveBeenLastCalledWith('cme', undefined, 50, undefined, expect.anything()))
  })

  it('searches with the Search button too, and reads the search back from a shared link', async () => {
    const getCustomers = vi.fn(() => page())
    const { api } = fakeApi({ customers: { getCustomers } })
    const { user, url } = renderWithApp(<CustomersPage />, { api, path: '/customers?q=acme&status=Active' })
    expect(await screen.findByRole('textbox', { name: 'Search customers by name' })).toHaveValue('acme')
    expect(getCustomers).toHaveBeenCalledWith('acme', 'Active', 50, undefined, expect.anything())

    const box = screen.getByRole('textbox', { name: 'Search customers by name' })
    await user.clear(box)
    await user.type(box, 'heat')
    await user.click(screen.getByRole('button', { name: 'Search' }))
    await waitFor(() => expect(url()).toBe('/customers?q=heat&status=Active'))
  })

  it('says when nothing matches, and offers to clear the search', async () => {
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(() => page([])) } })
    const { user, url } = renderWithApp(<CustomersPage />, { api, path: '/customers?q=zzz' })
    expect(await screen.findByText(/No customers match “zzz”/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    await waitFor(() => expect(url()).toBe('/customers'))
  })

  it('shows a load failure with the server’s reason and retries', async () => {
    const getCustomers = vi
      .fn()
      .mockRejectedValueOnce({ status: 500, title: 'An unexpected error occurred.', traceId: '00-trace' })
      .mockImplementation(() => page())
    const { api } = fakeApi({ customers: { getCustomers } })
    const { user } = renderWithApp(<CustomersPage />, { api, path: '/customers' })
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load customers')
    expect(screen.getByRole('alert')).toHaveTextContent('00-trace')
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('Acme Heating')).toBeInTheDocument()
  })

  it('pages with the keyset cursor, and back', async () => {
    const getCustomers = vi.fn((_s?: string, _st?: string, _l?: number, cursor?: string) =>
      cursor === 'next-1' ? page([listItem({ id: 'c9', name: 'Zeta Pumps' })]) : page(undefined, 'next-1'),
    )
    const { api } = fakeApi({ customers: { getCustomers } })
    const { user } = renderWithApp(<CustomersPage />, { api, path: '/customers' })
    await screen.findByText('Acme Heating')
    expect(screen.getByText('Page 1 · rows 1–2')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(await screen.findByText('Zeta Pumps')).toBeInTheDocument()
    expect(screen.getByText('Page 2 · rows 51–51')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Previous' }))
    expect(await screen.findByText('Acme Heating')).toBeInTheDocument()
  })

  it('opens the customer side panel from the grid and keeps it in the URL', async () => {
    const { api } = fakeApi({
      customers: { getCustomers: vi.fn(() => page()), getCustomer: vi.fn(async () => customer()) },
      sites: { getSites: vi.fn(async () => ({ items: [site()], nextCursor: null })) },
    })
    const { user, url } = renderWithApp(<CustomersPage />, { api, path: '/customers?q=ac' })
    await user.click(await screen.findByRole('link', { name: 'Acme Heating' }))

    await waitFor(() => expect(url()).toBe('/customers?q=ac&customer=c1'))
    const panel = await screen.findByTestId('customer-view')
    expect(await within(panel).findByText('Main plant')).toBeInTheDocument()
    expect(within(panel).getByTestId('primary-contact')).toHaveTextContent('Ann Smith')
  })

  it('offers Add New to office staff but not to Accounts Receivable', async () => {
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(() => page()) } })
    renderWithApp(<CustomersPage />, { api, path: '/customers', me: userWith('Dispatcher') })
    expect(await screen.findByRole('button', { name: /Add New/ })).toBeInTheDocument()
  })

  it('is read-only for Accounts Receivable', async () => {
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(() => page()) } })
    renderWithApp(<CustomersPage />, { api, path: '/customers', me: userWith('AccountsReceivable') })
    await screen.findByText('Acme Heating')
    expect(screen.queryByRole('button', { name: /Add New/ })).not.toBeInTheDocument()
  })
})
