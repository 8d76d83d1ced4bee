import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { UserSummary } from '../../api'
import { message } from '../../shared/feedback'
import { validationProblem } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import UsersPage from './UsersPage'

const summary = (over: Partial<UserSummary> = {}): UserSummary => ({ id: 'u1', email: 'admin@workorders.local', displayName: 'Administrator', roles: ['Admin'], lockedOut: false, ...over })

async function dialogTitled(title: string) {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title' })
  return heading.closest<HTMLElement>('[role=dialog]')!
}

async function fillNewUser(user: ReturnType<typeof renderWithApp>['user'], dialog: HTMLElement, password: string) {
  await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'dana@workorders.test')
  await user.type(within(dialog).getByRole('textbox', { name: 'Display name' }), 'Dana Dispatch')
  await user.type(within(dialog).getByLabelText('Password'), password)
  await user.click(within(dialog).getByLabelText('Roles'))
  await user.click(await screen.findByTitle('Dispatcher'))
}

describe('Users', () => {
  it('lists the users with their roles and whether they are locked out', async () => {
    const { api } = fakeApi({ users: { getUsers: vi.fn(async () => [summary(), summary({ id: 'u2', email: 'ted@x.test', displayName: null, roles: ['Technician', 'TeamManager'], lockedOut: true })]) } })
    renderWithApp(<UsersPage />, { api, path: '/users' })
    const row = (await screen.findByText('ted@x.test')).closest('tr')!
    expect(within(row).getByRole('list', { name: 'Roles of ted@x.test' })).toHaveTextContent('TechnicianTeam Manager')
    expect(row).toHaveTextContent('Locked out')
    expect(screen.getByText('admin@workorders.local').closest('tr')).toHaveTextContent('Allowed')
  })

  it('shows the API’s password rule on the Password field when the password is refused', async () => {
    const createUser = vi.fn(() => Promise.reject(validationProblem({ Password: ['Passwords must have at least one non alphanumeric character.'] })))
    const { api } = fakeApi({ users: { getUsers: vi.fn(async () => [summary()]), createUser } })
    const { user } = renderWithApp(<UsersPage />, { api, path: '/users' })
    await user.click(await screen.findByRole('button', { name: /Add user/ }))
    const dialog = await dialogTitled('Add user')
    await fillNewUser(user, dialog, 'Longpassword123')
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }))

    expect(await within(dialog).findByText('Passwords must have at least one non alphanumeric character.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByRole('textbox', { name: 'E-mail' })).not.toHaveAttribute('aria-invalid', 'true')
    expect(createUser).toHaveBeenCalledWith({ email: 'dana@workorders.test', displayName: 'Dana Dispatch', password: 'Longpassword123', roles: ['Dispatcher'] })
  })

  it('adds a user with roles and refreshes the list', async () => {
    const getUsers = vi.fn(async () => [summary()])
    const createUser = vi.fn(async () => summary({ id: 'u3', email: 'dana@workorders.test', roles: ['Dispatcher'] }))
    const { api } = fakeApi({ users: { getUsers, createUser } })
    const { user } = renderWithApp(<UsersPage />, { api, path: '/users' })
    await user.click(await screen.findByRole('button', { name: /Add user/ }))
    const dialog = await dialogTitled('Add user')
    await fillNewUser(user, dialog, 'Dana!Password-123')
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }))
    await waitFor(() => expect(message.success).toHaveBeenCalledWith('User dana@workorders.test added.'))
    await waitFor(() => expect(getUsers).toHaveBeenCalledTimes(2))
  })
})
