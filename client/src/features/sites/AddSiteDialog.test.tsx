import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { customer, site, validationProblem } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import AddSiteDialog from './AddSiteDialog'

describe('Add site dialog', () => {
  it('pre-fills the site contact from the customer’s primary contact', async () => {
    const createSite = vi.fn(async () => site({ name: 'Warehouse' }))
    const { api } = fakeApi({ sites: { createSite } })
    const onAdded = vi.fn()
    const { user } = renderWithApp(<AddSiteDialog customer={customer()} open onClose={() => {}} onAdded={onAdded} />, { api })

    expect(await screen.findByRole('textbox', { name: 'Contact name' })).toHaveValue('Ann Smith')
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toHaveValue('ann@acme.test')
    expect(screen.getByRole('textbox', { name: 'Phone' })).toHaveValue('+1 555 0100')

    await user.type(screen.getByRole('textbox', { name: 'Site name' }), 'Warehouse')
    await user.click(screen.getByRole('button', { name: 'Copy billing location' }))
    expect(screen.getByRole('textbox', { name: 'City' })).toHaveValue('Springfield')
    await user.click(screen.getByRole('button', { name: 'Add site' }))

    await waitFor(() => expect(onAdded).toHaveBeenCalledWith('Warehouse'))
    expect(createSite).toHaveBeenCalledWith('c1', {
      name: 'Warehouse',
      address: { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
      contact: { name: 'Ann Smith', email: 'ann@acme.test', phone: '+1 555 0100' },
    })
  })

  it('shows a 409 (customer not active) above the form', async () => {
    const { api } = fakeApi({
      sites: { createSite: vi.fn(() => Promise.reject({ status: 409, title: 'The request conflicts with the current state.', detail: 'Customer is deactivated.' })) },
    })
    const { user } = renderWithApp(<AddSiteDialog customer={customer()} open onClose={() => {}} onAdded={() => {}} />, { api })
    await user.type(await screen.findByRole('textbox', { name: 'Site name' }), 'X')
    await user.click(screen.getByRole('button', { name: 'Add site' }))
    expect(await screen.findByText('Customer is deactivated.')).toBeInTheDocument()
  })

  it('puts contact errors on the contact fields', async () => {
    const { api } = fakeApi({
      sites: { createSite: vi.fn(() => Promise.reject(validationProblem({ 'contact.email': ["'Email' is not a valid email address."] }))) },
    })
    const { user } = renderWithApp(<AddSiteDialog customer={customer()} open onClose={() => {}} onAdded={() => {}} />, { api })
    await user.type(await screen.findByRole('textbox', { name: 'Site name' }), 'X')
    await user.click(screen.getByRole('button', { name: 'Add site' }))
    expect(await screen.findByText("'Email' is not a valid email address.")).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true')
  })
})
