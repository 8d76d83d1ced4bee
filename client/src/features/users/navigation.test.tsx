// The three administration sections in the side navigation: who sees them, and that they are links now.
import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { navigation } from '../../app/AppLayout'
import { AppRoutes } from '../../app/routes'
import { fakeApi, renderWithApp, userWith } from '../../test/render'

const sections = (roles: string[]) => navigation(roles).filter((i) => ['service-providers', 'users', 'api-keys'].includes(i.key))

describe('navigation: service providers, users, API keys', () => {
  it.each([
    [['Admin'], ['/service-providers', '/users', '/api-keys']],
    [['Dispatcher'], ['/service-providers']],
    [['ProjectManager'], ['/service-providers']],
    [['TeamManager'], ['/service-providers']],
    [['AccountsReceivable'], ['/service-providers']],
    [['Technician'], []],
    [['Ops'], []],
    [['Dispatcher', 'Ops'], ['/service-providers']],
  ])('%j sees %j', (roles, hrefs) => {
    expect(sections(roles).map((i) => i.href)).toEqual(hrefs)
  })

  it('shows an Admin the three sections as links, none marked “soon”', async () => {
    const { api } = fakeApi({ users: { getUsers: vi.fn(async () => []) } })
    renderWithApp(<AppRoutes />, { api, path: '/users' })
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: /Service Providers/ })).toHaveAttribute('href', '/service-providers')
    expect(within(nav).getByRole('link', { name: /Users/ })).toHaveAttribute('href', '/users')
    expect(within(nav).getByRole('link', { name: /API Keys/ })).toHaveAttribute('href', '/api-keys')
    expect(within(nav).getByRole('link', { name: /Users/ })).toHaveAttribute('aria-current', 'page')
    expect(nav).not.toHaveTextContent('soon')
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument()
  })

  it('gives a dispatcher Service Providers but not Users or API Keys, and no access to their pages', async () => {
    const { api } = fakeApi({ users: { getUsers: vi.fn(async () => []) } })
    renderWithApp(<AppRoutes />, { api, path: '/api-keys', me: userWith('Dispatcher') })
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: /Service Providers/ })).toBeInTheDocument()
    expect(within(nav).queryByRole('link', { name: /Users/ })).not.toBeInTheDocument()
    expect(within(nav).queryByRole('link', { name: /API Keys/ })).not.toBeInTheDocument()
    expect(nav).not.toHaveTextContent('Administration')
    expect(await screen.findByText('No access')).toBeInTheDocument()
  })
})
