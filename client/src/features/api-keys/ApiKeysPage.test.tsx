import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ModalFuncProps } from 'antd'
import type { ApiKeyDto } from '../../api'
import { modal } from '../../shared/feedback'
import { customer, listItem } from '../../test/data'
import { fakeApi, renderWithApp } from '../../test/render'
import ApiKeysPage from './ApiKeysPage'

const key = (over: Partial<ApiKeyDto> = {}): ApiKeyDto => ({
  id: 'k1',
  name: 'Acme ERP',
  prefix: 'wo_ab12',
  customerIds: ['c1'],
  createdAt: '2026-11-01T10:00:00Z',
  createdBy: 'u1',
  revokedAt: null,
  lastUsedAt: null,
  ...over,
})

async function dialogTitled(title: string) {
  const heading = await screen.findByText(title, { selector: '.ant-modal-title' })
  return heading.closest<HTMLElement>('[role=dialog]')!
}

const secret = 'wo_ab12.Zq9-very-secret-value'

function setup(getApiKeys = vi.fn(async () => [key()])) {
  const createApiKey = vi.fn(async () => ({ key: secret, apiKey: key({ id: 'k2', name: 'Globex portal' }) }))
  const revokeApiKey = vi.fn(async () => {})
  const { api } = fakeApi({
    apiKeys: { getApiKeys, createApiKey, revokeApiKey },
    customers: { getCustomer: vi.fn(async () => customer()), getCustomers: vi.fn(async () => ({ items: [listItem()], nextCursor: null })) },
  })
  return { api, createApiKey, revokeApiKey, getApiKeys }
}

describe('API Keys', () => {
  it('lists the keys with their customers’ names, last use and revocation', async () => {
    const { api } = setup(vi.fn(async () => [key(), key({ id: 'k0', name: 'Old key', revokedAt: '2026-11-02T10:00:00Z', lastUsedAt: '2026-11-02T09:00:00Z' })]))
    renderWithApp(<ApiKeysPage />, { api, path: '/api-keys' })
    const row = (await screen.findByText('Acme ERP')).closest('tr')!
    await within(row).findByText('Acme Heating')
    expect(row).toHaveTextContent('Never')
    expect(row).toHaveTextContent('Active')
    expect(within(row).getByRole('button', { name: 'Revoke Acme ERP' })).toBeInTheDocument()
    const old = screen.getByText('Old key').closest('tr')!
    expect(old).toHaveTextContent('Revoked')
    expect(within(old).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument()
  })

  it('shows the new key once, with a copy button and a “you will not see it again” notice', async () => {
    const { api, createApiKey } = setup()
    const { user, queryClient } = renderWithApp(<ApiKeysPage />, { api, path: '/api-keys' })

    await user.click(await screen.findByRole('button', { name: /New API key/ }))
    const dialog = await dialogTitled('New API key')
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Globex portal')
    await user.click(within(dialog).getByLabelText('Customers'))
    await user.click(await screen.findByTitle('Acme Heating · Springfield'))
    await user.click(within(dialog).getByRole('button', { name: 'Create key' }))
    await waitFor(() => expect(createApiKey).toHaveBeenCalledWith({ name: 'Globex portal', customerIds: ['c1'] }))

    const shown = await dialogTitled('API key “Globex portal” created')
    expect(within(shown).getByRole('textbox', { name: 'API key' })).toHaveValue(secret)
    expect(within(shown).getByRole('alert')).toHaveTextContent('you will not see it again')
    await user.click(within(shown).getByRole('button', { name: 'Copy key' }))
    // (user-event puts a clipboard of its own on navigator: read it back)
    expect(await navigator.clipboard.readText()).toBe(secret)
    expect(within(shown).getByRole('button', { name: 'Copy key' })).toHaveTextContent('Copied')
    // The key is kept nowhere else: not in the query cache.
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(secret)

    await user.click(within(shown).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument())
  })

  it('revokes a key only after confirmation', async () => {
    const { api, revokeApiKey } = setup()
    const { user } = renderWithApp(<ApiKeysPage />, { api, path: '/api-keys' })
    await user.click(await screen.findByRole('button', { name: 'Revoke Acme ERP' }))
    expect(modal.confirm).toHaveBeenCalledTimes(1)
    expect(revokeApiKey).not.toHaveBeenCalled()
    const props = vi.mocked(modal.confirm).mock.calls[0][0] as ModalFuncProps
    expect(props.title).toBe('Revoke “Acme ERP”?')
    await (props.onOk as () => Promise<unknown>)()
    expect(revokeApiKey).toHaveBeenCalledWith('k1')
  })
})
