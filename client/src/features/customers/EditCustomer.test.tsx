import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { customer, validationProblem } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import EditCustomer from './EditCustomer'

describe('Edit customer', () => {
  it('sends the ETag it read as If-Match', async () => {
    const updateCustomer = vi.fn(async () => customer({ name: 'Acme Heating & Cooling', version: 2 }))
    const { api, requests } = fakeApi({ customers: { updateCustomer } })
    const onDone = vi.fn()
    const { user } = renderWithApp(<EditCustomer customer={customer()} etag={'"1"'} onDone={onDone} reload={async () => {}} />, { api })

    const name = screen.getByRole('textbox', { name: 'Name' })
    await user.clear(name)
    await user.type(name, 'Acme Heating & Cooling')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(updateCustomer).toHaveBeenCalledWith('c1', expect.objectContaining({ name: 'Acme Heating & Cooling', contact: { name: 'Ann Smith', email: 'ann@acme.test', phone: '+1 555 0100' } }))
    expect(requests.at(-1)?.headers).toEqual({ 'If-Match': '"1"' })
  })

  it('says someone else changed the customer when the ETag is stale (412), and reloads on request', async () => {
    const updateCustomer = vi.fn(() => Promise.reject({ status: 412, title: 'Precondition failed.', detail: 'Customer is at version 2, not 1.' }))
    const reload = vi.fn(async () => {})
    const { api } = fakeApi({ customers: { updateCustomer } })
    const { user } = renderWithApp(<EditCustomer customer={customer()} etag={'"1"'} onDone={() => {}} reload={reload} />, { api })

    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('Someone else changed this customer')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Load latest version' }))
    expect(reload).toHaveBeenCalled()
  })

  it('shows server validation errors on their fields', async () => {
    const updateCustomer = vi.fn(() =>
      Promise.reject(validationProblem({ 'contact.email': ["'Email' is not a valid email address."], 'billingAddress.postalCode': ['Too long.'] })),
    )
    const { api } = fakeApi({ customers: { updateCustomer } })
    const { user } = renderWithApp(<EditCustomer customer={customer()} etag={'"1"'} onDone={() => {}} reload={async () => {}} />, { api })

    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText("'Email' is not a valid email address.")).toBeInTheDocument()
    expect(screen.getByText('Too long.')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('Correct the highlighted fields and save again.')).toBeInTheDocument()
  })
})
