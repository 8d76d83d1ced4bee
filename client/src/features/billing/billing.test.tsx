import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { customer } from '../../test/data'
import { fakeApi, renderWithApp, userWith } from '../../test/render'
import CustomerPage from '../customers/CustomerPage'
import { canPurchaseCreditHours } from '../auth/roles'
import { ledger, ledgerEntry, W1 } from '../work-orders/detail/testData'
import { CreditHoursTab } from './CreditHoursTab'

describe('credit-hour bank', () => {
  it('warns that a negative balance’s overage will be invoiced, and lists debits with their work order', async () => {
    const getCreditHours = vi.fn(async () =>
      ledger({
        balance: -1.5,
        balanceNegative: true,
        purchasedHours: 10,
        usedHours: 11.5,
        warning: 'The balance is negative: 1.5 h will be invoiced.',
        entries: [ledgerEntry({ id: 'e2', sequence: 2, kind: 'Debit', hours: -11.5, balanceAfter: -1.5, workOrderId: W1, workOrderNumber: 'WO-000123', reference: null }), ledgerEntry()],
      }),
    )
    const { api } = fakeApi({ billing: { getCreditHours } })
    renderWithApp(<CreditHoursTab customer={customer()} canPurchase={false} />, { api })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Balance is negative (-1.5 h): the overage will be invoiced.')
    expect(alert).toHaveTextContent('1.5 h will be invoiced.')
    const tab = screen.getByTestId('credit-hours-tab')
    expect(within(tab).getByRole('link', { name: 'WO-000123' })).toHaveAttribute('href', `/work-orders/${W1}`)
    const rows = within(tab).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent(/Debit.*-11\.5 h.*-1\.5 h/)
    expect(rows[1]).toHaveTextContent(/Purchase.*\+10 h.*10 h.*PO-77/)
    expect(getCreditHours).toHaveBeenCalledWith('c1', 50, undefined, expect.anything())
    expect(screen.queryByRole('button', { name: /Purchase hours/ })).not.toBeInTheDocument()
  })

  it('shows no warning while the balance is positive', async () => {
    const { api } = fakeApi({ billing: { getCreditHours: vi.fn(async () => ledger()) } })
    renderWithApp(<CreditHoursTab customer={customer()} canPurchase={false} />, { api })
    expect(await screen.findByText('PO-77')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('Accounts Receivable purchases hours with an Idempotency-Key', async () => {
    const purchaseCreditHours = vi.fn(async () => ({ entry: ledgerEntry({ id: 'e3' }), balance: 20, balanceNegative: false }))
    const { api } = fakeApi({ billing: { getCreditHours: vi.fn(async () => ledger()), purchaseCreditHours } })
    const { user } = renderWithApp(<CreditHoursTab customer={customer()} canPurchase />, { api, me: userWith('AccountsReceivable') })
    await user.click(await screen.findByRole('button', { name: /Purchase hours/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Purchase hours for Acme Heating' })
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Hours' }), '10')
    await user.type(within(dialog).getByRole('textbox', { name: 'Reference (optional)' }), 'INV-9')
    await user.click(within(dialog).getByRole('button', { name: 'Record purchase' }))
    await waitFor(() => expect(purchaseCreditHours).toHaveBeenCalledWith('c1', { hours: 10, reference: 'INV-9', note: null }, expect.stringMatching(/^[0-9a-f-]{36}$/)))
  })

  it('only Accounts Receivable and Admin purchase hours', () => {
    expect(canPurchaseCreditHours(['AccountsReceivable'])).toBe(true)
    expect(canPurchaseCreditHours(['Admin'])).toBe(true)
    expect(canPurchaseCreditHours(['Dispatcher', 'ProjectManager', 'TeamManager'])).toBe(false)
  })

  it('is a tab of the customer page for the assessors', async () => {
    const { api } = fakeApi({
      customers: { getCustomer: vi.fn(async () => customer()) },
      billing: { getCreditHours: vi.fn(async () => ledger({ balance: -2, balanceNegative: true })) },
    })
    renderWithApp(<CustomerPage customerId="c1" />, { api, path: '/customers/c1?tab=credit-hours', me: userWith('Dispatcher') })
    expect(await screen.findByRole('tab', { name: 'Credit hours', selected: true })).toBeInTheDocument()
    expect(await screen.findByText(/the overage will be invoiced/)).toBeInTheDocument()
    // A dispatcher reads the bank but does not record purchases.
    expect(screen.queryByRole('button', { name: /Purchase hours/ })).not.toBeInTheDocument()
  })
})
