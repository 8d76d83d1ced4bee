import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ServiceProviderDto, TeamDto } from '../../api'
import { message } from '../../shared/feedback'
import { validationProblem } from '../../test/data'
import { fakeApi, renderWithApp, userWith } from '../../test/render'
import ServiceProvidersPage from './ServiceProvidersPage'

const provider = (over: Partial<ServiceProviderDto> = {}): ServiceProviderDto => ({
  id: 'p1',
  name: 'Pat Plumber',
  email: 'pat@plumbing.test',
  phone: '+1 555 0101',
  kind: 'ExternalTechnician',
  isActive: true,
  isThirdParty: true,
  userId: null,
  version: 3,
  ...over,
})

const team = (over: Partial<TeamDto> = {}): TeamDto => ({ id: 't1', name: 'North crew', isActive: true, memberIds: ['p1'], version: 1, ...over })

/** antd gives every aria id "test-id" under test: find a dialog by its title's text instead of its accessible name. */
async function dialogTitled(title: string) {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title' })
  return heading.closest<HTMLElement>('[role=dialog]')!
}

function setup(parts: Parameters<typeof fakeApi>[0] = {}, etag = '"3"') {
  const getServiceProviders = vi.fn(async () => ({ items: [provider()], nextCursor: null }))
  return fakeApi(
    {
      users: { getUsers: vi.fn(async () => [{ id: 'u9', email: 'tom@x.test', displayName: 'Tom Tech', roles: ['Technician'], lockedOut: false }]) },
      ...parts,
      serviceProviders: { getServiceProviders, getServiceProviderTeams: vi.fn(async () => [team()]), getServiceProvider: vi.fn(async () => provider()), ...parts.serviceProviders },
    },
    etag,
  )
}

describe('Service Providers', () => {
  it('lists providers with kind, contact, linked user and active; filters by kind and active are in the URL and the request', async () => {
    const getServiceProviders = vi.fn(async () => ({ items: [provider(), provider({ id: 'p2', name: 'Ida Inhouse', kind: 'InternalTechnician', userId: 'u9', isActive: false })], nextCursor: null }))
    const { api } = setup({ serviceProviders: { getServiceProviders } })
    const { user, url } = renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers?kind=InternalTechnician&active=false' })

    const row = (await screen.findByText('Ida Inhouse')).closest('tr')!
    expect(row).toHaveTextContent('Internal technician')
    expect(row).toHaveTextContent('Tom Tech')
    expect(row).toHaveTextContent('Deactivated')
    expect(getServiceProviders).toHaveBeenCalledWith(undefined, 'InternalTechnician', false, 50, undefined, expect.anything())

    await user.click(screen.getByLabelText('Kind'))
    await user.click(await screen.findByTitle('Partner company'))
    await waitFor(() => expect(url()).toBe('/service-providers?kind=PartnerCompany&active=false'))
    await waitFor(() => expect(getServiceProviders).toHaveBeenLastCalledWith(undefined, 'PartnerCompany', false, 50, undefined, expect.anything()))
  })

  it('adds a provider: the server’s validation errors (ProblemDetails) land on their fields', async () => {
    const createServiceProvider = vi.fn(() =>
      Promise.reject(validationProblem({ Email: ["'Email' is not a valid email address."], Phone: ["The length of 'Phone' must be 50 characters or fewer."] })),
    )
    const { api } = setup({ serviceProviders: { createServiceProvider } })
    const { user } = renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers' })

    await user.click(await screen.findByRole('button', { name: /Add provider/ }))
    const dialog = await dialogTitled('Add service provider')
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Acme Partners')
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'acme(at)partners')
    await user.type(within(dialog).getByRole('textbox', { name: 'Phone' }), '12345')
    await user.click(within(dialog).getByRole('button', { name: 'Add provider' }))

    expect(await within(dialog).findByText("'Email' is not a valid email address.")).toBeInTheDocument()
    expect(within(dialog).getByText("The length of 'Phone' must be 50 characters or fewer.")).toBeInTheDocument()
    expect(within(dialog).getByRole('textbox', { name: 'E-mail' })).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).not.toHaveAttribute('aria-invalid', 'true')
    expect(createServiceProvider).toHaveBeenCalledWith({ name: 'Acme Partners', email: 'acme(at)partners', phone: '12345', kind: 'InternalTechnician', userId: null })
    // The dialog stays open with what was typed.
    expect(dialog).toBeInTheDocument()
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Acme Partners')
  })

  it('edits a provider with If-Match: the ETag of the version read when the dialog opened', async () => {
    let sent: Record<string, string> | undefined
    const updateServiceProvider = vi.fn(async () => {
      sent = requests.at(-1)?.headers
      return provider({ name: 'Pat Plumbing Ltd', version: 4 })
    })
    const { api, requests } = setup({ serviceProviders: { updateServiceProvider } }, '"3"')
    const { user } = renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers' })

    await user.click(await screen.findByRole('button', { name: 'Edit Pat Plumber' }))
    const dialog = await dialogTitled('Edit “Pat Plumber”')
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    await user.clear(name)
    await user.type(name, 'Pat Plumbing Ltd')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(updateServiceProvider).toHaveBeenCalled())
    expect(updateServiceProvider).toHaveBeenCalledWith('p1', {
      name: 'Pat Plumbing Ltd',
      email: 'pat@plumbing.test',
      phone: '+1 555 0101',
      kind: 'ExternalTechnician',
      userId: null,
      isActive: true,
    })
    expect(sent).toEqual({ 'If-Match': '"3"' })
    await waitFor(() => expect(message.success).toHaveBeenCalledWith('Provider saved.'))
  })

  it('says someone else changed the provider when the ETag is stale (412)', async () => {
    const updateServiceProvider = vi.fn(() => Promise.reject({ status: 412, title: 'Precondition failed.' }))
    const { api } = setup({ serviceProviders: { updateServiceProvider } })
    const { user } = renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers' })
    await user.click(await screen.findByRole('button', { name: 'Edit Pat Plumber' }))
    const dialog = await dialogTitled('Edit “Pat Plumber”')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(await within(dialog).findByText('Someone else changed this provider')).toBeInTheDocument()
  })

  it('deactivates a provider: reads its version, then replaces it with isActive false under If-Match', async () => {
    const getServiceProvider = vi.fn(async () => provider({ version: 7 }))
    let sent: Record<string, string> | undefined
    const updateServiceProvider = vi.fn(async () => {
      sent = requests.at(-1)?.headers
      return provider({ isActive: false, version: 8 })
    })
    const { api, requests } = setup({ serviceProviders: { getServiceProvider, updateServiceProvider } }, '"7"')
    const { user } = renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers' })
    await user.click(await screen.findByRole('button', { name: 'More actions for Pat Plumber' }))
    await user.click(await screen.findByText('Deactivate'))
    await waitFor(() => expect(updateServiceProvider).toHaveBeenCalledWith('p1', expect.objectContaining({ isActive: false, name: 'Pat Plumber' })))
    expect(sent).toEqual({ 'If-Match': '"7"' })
    expect(getServiceProvider).toHaveBeenCalledWith('p1')
  })

  it('shows the teams with their members’ names; Admin creates a team', async () => {
    const createServiceProviderTeam = vi.fn(async () => team({ id: 't2', name: 'South crew', memberIds: [] }))
    const { api } = setup({ serviceProviders: { createServiceProviderTeam } })
    const { user } = renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers?tab=teams' })
    const members = await screen.findByRole('list', { name: 'Members of North crew' })
    await within(members).findByText('Pat Plumber')

    await user.click(screen.getByRole('button', { name: /New team/ }))
    const dialog = await dialogTitled('New team')
    await user.type(within(dialog).getByRole('textbox', { name: 'Team name' }), 'South crew')
    await user.click(within(dialog).getByLabelText('Members'))
    await user.click(await screen.findByTitle('Pat Plumber · External technician'))
    await user.click(within(dialog).getByRole('button', { name: 'Create team' }))
    await waitFor(() => expect(createServiceProviderTeam).toHaveBeenCalledWith({ name: 'South crew', memberIds: ['p1'] }))
  })

  it('is read-only for a dispatcher: no add, edit or (de)activate', async () => {
    const { api } = setup()
    renderWithApp(<ServiceProvidersPage />, { api, path: '/service-providers', me: userWith('Dispatcher') })
    await screen.findByText('Pat Plumber')
    expect(screen.queryByRole('button', { name: /Add provider/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit Pat Plumber' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'More actions for Pat Plumber' })).not.toBeInTheDocument()
  })
})
