import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { customer, validationProblem } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import NewCustomerPage from './NewCustomerPage'

describe('Add New customer', () => {
  it('checks the required fields before sending', async () => {
    const createCustomer = vi.fn()
    const { api } = fakeApi({ customers: { createCustomer } })
    const { user } = renderWithApp(<NewCustomerPage />, { api, path: '/customers/new' })
    await user.click(screen.getByRole('button', { name: 'Save and Continue' }))
    expect(await screen.findByText('Enter the customer name.')).toBeInTheDocument()
    expect(screen.getByText('Enter the e-mail address.')).toBeInTheDocument()
    expect(createCustomer).not.toHaveBeenCalled()
  })

  it('puts the server’s validation errors on the fields (camelCase JSON paths)', async () => {
    const createCustomer = vi.fn(() =>
      Promise.reject(
        validationProblem({
          name: ["The length of 'Name' must be 200 characters or fewer."],
          'contact.email': ["'Email' is not a valid email address."],
          'billingAddress.city': ["The length of 'City' must be 100 characters or fewer."],
        }),
      ),
    )
    const { api } = fakeApi({ customers: { createCustomer } })
    const { user } = renderWithApp(<NewCustomerPage />, { api, path: '/customers/new' })
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Acme')
    await user.type(screen.getByRole('textbox', { name: 'Contact name' }), 'Ann')
    await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'not-an-email')
    await user.click(screen.getByRole('button', { name: 'Save and Continue' }))

    expect(await screen.findByText("'Email' is not a valid email address.")).toBeInTheDocument()
    expect(screen.getByText("The length of 'Name' must be 200 characters or fewer.")).toBeInTheDocument()
    expect(screen.getByText("The length of 'City' must be 100 characters or fewer.")).toBeInTheDocument()
  })

  it('“Save and Continue” lands on the new customer', async () => {
    const createCustomer = vi.fn(async () => customer({ id: 'new-1', name: 'Acme' }))
    const { api } = fakeApi({ customers: { createCustomer } })
    const { user, url } = renderWithApp(<NewCustomerPage />, { api, path: '/customers/new' })
    await user.type(screen.getByRole('textbox', { name: 'Name' }), '  Acme  ')
    await user.type(screen.getByRole('textbox', { name: 'City' }), 'Springfield')
    await user.type(screen.getByRole('textbox', { name: 'Contact name' }), 'Ann')
    await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'ann@acme.test')
    await user.click(screen.getByRole('button', { name: 'Save and Continue' }))

    await waitFor(() => expect(url()).toBe('/customers/new-1'))
    expect(createCustomer).toHaveBeenCalledWith({
      name: 'Acme',
      description: null,
      billingAddress: { street: null, city: 'Springfield', region: null, postalCode: null, country: null },
      contact: { name: 'Ann', email: 'ann@acme.test', phone: null },
    })
  })
})
