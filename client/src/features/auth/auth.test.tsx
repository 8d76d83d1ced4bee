import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { meKey } from '../../api/queryClient'
import { AppRoutes } from '../../app/routes'
import { navigation } from '../../app/AppLayout'
import { listItem } from '../../test/data'
import { admin, fakeApi, renderWithApp, userWith } from '../../test/render'
import { useMe } from './hooks'
import { canEditCustomers, canReadCustomers, homePath } from './roles'
import SignInPage from './SignInPage'

function Who() {
  const me = useMe()
  return <div>{me.isPending ? 'loading' : me.data ? me.data.email : 'signed out'}</div>
}

describe('sign-in', () => {
  it('shows the server’s reason when the credentials are wrong (401)', async () => {
    const login = vi.fn(() => Promise.reject({ status: 401, title: 'Sign-in failed.', detail: 'Invalid e-mail or password.' }))
    const { api } = fakeApi({ auth: { login } })
    const { user } = renderWithApp(<SignInPage />, { api, path: '/sign-in', me: null })
    await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'admin@workorders.local')
    await user.type(screen.getByLabelText('Password'), 'wrong')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Invalid e-mail or password.')).toBeInTheDocument()
    expect(login).toHaveBeenCalledWith({ email: 'admin@workorders.local', password: 'wrong' })
  })

  it('goes back to the page that asked for sign-in', async () => {
    const getCustomers = vi.fn(async () => ({ items: [listItem()], nextCursor: null }))
    const { api } = fakeApi({ auth: { login: vi.fn(async () => admin) }, customers: { getCustomers } })
    const { user, url } = renderWithApp(<AppRoutes />, { api, path: '/sign-in?returnTo=%2Fcustomers%3Fq%3Dacme', me: null })
    await user.type(await screen.findByRole('textbox', { name: 'E-mail' }), 'admin@workorders.local')
    await user.type(screen.getByLabelText('Password'), 'Admin!2345678')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(url()).toBe('/customers?q=acme'))
    expect(await screen.findByRole('textbox', { name: 'Search customers by name' })).toHaveValue('acme')
  })

  it('never follows a returnTo to another site', async () => {
    const { api } = fakeApi({ auth: { login: vi.fn(async () => admin) } })
    const { user, url } = renderWithApp(<SignInPage />, { api, path: '/sign-in?returnTo=%2F%2Fevil.example', me: null })
    await user.type(screen.getByRole('textbox', { name: 'E-mail' }), 'a@b.c')
    await user.type(screen.getByLabelText('Password'), 'x')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    // Not evil.example: the user's home page (the open-work queue) instead.
    await waitFor(() => expect(url()).toBe('/queue'))
  })
})

describe('session', () => {
  it('treats 401 from /auth/me as signed out', async () => {
    const { api } = fakeApi({ auth: { getMe: vi.fn(() => Promise.reject({ status: 401, title: 'Sign-in failed.' })) } })
    const { queryClient } = renderWithApp(<Who />, { api, me: 'ask' })
    expect(await screen.findByText('signed out')).toBeInTheDocument()
    expect(queryClient.getQueryData(meKey)).toBeNull()
  })

  it('sends a signed-out visitor to sign-in, remembering where they were going', async () => {
    const { api } = fakeApi({ auth: { getMe: vi.fn(() => Promise.reject({ status: 401 })) } })
    const { url } = renderWithApp(<AppRoutes />, { api, path: '/customers?q=acme', me: 'ask' })
    await waitFor(() => expect(url()).toBe('/sign-in?returnTo=%2Fcustomers%3Fq%3Dacme'))
  })

  it('signs the SPA out when any request answers 401 (session expired)', async () => {
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(() => Promise.reject({ status: 401, title: 'Unauthorized' })) } })
    const { url } = renderWithApp(<AppRoutes />, { api, path: '/customers' })
    await waitFor(() => expect(url()).toMatch(/^\/sign-in\?returnTo=/))
  })

  it('shows the user and roles in the header, and the sections of their role', async () => {
    const { api } = fakeApi({ customers: { getCustomers: vi.fn(async () => ({ items: [listItem()], nextCursor: null })) } })
    renderWithApp(<AppRoutes />, { api, path: '/customers', me: userWith('Dispatcher', 'TeamManager') })
    expect(await screen.findByText('Dispatcher TeamManager')).toBeInTheDocument()
    expect(screen.getByLabelText('Your roles')).toHaveTextContent('DispatcherTeam Manager')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(nav).toHaveTextContent('Customers')
    expect(nav).toHaveTextContent('Work Orders')
    expect(nav).not.toHaveTextContent('Background Jobs')
  })

  it('shows no access instead of the customers page to a technician', async () => {
    renderWithApp(<AppRoutes />, { path: '/customers', me: userWith('Technician') })
    expect(await screen.findByText('No access')).toBeInTheDocument()
  })
})

describe('roles', () => {
  it.each([
    [['Admin'], true, true, '/queue'],
    [['Dispatcher'], true, true, '/queue'],
    [['ProjectManager'], true, true, '/queue'],
    [['TeamManager'], true, true, '/queue'],
    [['AccountsReceivable'], false, true, '/queue'],
    [['Technician'], false, false, '/queue'],
    [['Ops'], false, false, '/welcome'],
  ])('%j: edit %s, read %s, lands on %s', (roles, edit, read, home) => {
    expect(canEditCustomers(roles)).toBe(edit)
    expect(canReadCustomers(roles)).toBe(read)
    expect(homePath(roles)).toBe(home)
  })

  it('lists later sections disabled and by role', () => {
    expect(navigation(['Ops']).map((i) => [i.key, !!i.href])).toEqual([['ops', true]])
    expect(navigation(['Technician']).map((i) => i.key)).toEqual(['queue', 'work-orders'])
    expect(navigation(['Admin']).map((i) => i.key)).toEqual(['queue', 'customers', 'work-orders', 'service-providers', 'ops', 'users', 'api-keys'])
    expect(navigation(['Admin']).filter((i) => !i.href).map((i) => i.key)).toEqual([])
  })
})
