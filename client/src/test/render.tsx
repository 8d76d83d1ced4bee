// Renders a component the way the app does (API clients, query cache, antd theme, router) with a fake API.
import { render, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { vi } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type { Api, AuthMeDto } from '../api'
import { createQueryClient, meKey } from '../api/queryClient'
import { AppProviders } from '../app/AppProviders'

type Methods<T> = { [K in keyof T]?: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never }

export interface FakeApiParts {
  auth?: Methods<Api['auth']>
  customers?: Methods<Api['customers']>
  sites?: Methods<Api['sites']>
  contracts?: Methods<Api['contracts']>
  assets?: Methods<Api['assets']>
  workOrders?: Methods<Api['workOrders']>
  serviceProviders?: Methods<Api['serviceProviders']>
  billing?: Methods<Api['billing']>
  users?: Methods<Api['users']>
  apiKeys?: Methods<Api['apiKeys']>
  ops?: Methods<Api['ops']>
}

/** A fake of the generated clients. `with({headers, onResponse})` records the headers and answers with `etag`. */
export function fakeApi(parts: FakeApiParts = {}, etag = '"1"') {
  const requests: { headers?: Record<string, string> }[] = []
  const build = (options?: { headers?: Record<string, string>; onResponse?: (r: Response) => void }): Api => {
    const wrap = <T extends object>(group: T | undefined): T =>
      new Proxy((group ?? {}) as T, {
        get(target, key) {
          const fn = (target as Record<string | symbol, unknown>)[key]
          if (typeof fn !== 'function') return () => Promise.reject(new Error(`fake API: ${String(key)} not set`))
          return async (...args: unknown[]) => {
            requests.push({ headers: options?.headers })
            const result = await (fn as (...a: unknown[]) => unknown)(...args)
            options?.onResponse?.(new Response(null, { headers: { ETag: etag } }))
            return result
          }
        },
      })
    return {
      auth: wrap(parts.auth),
      customers: wrap(parts.customers),
      sites: wrap(parts.sites),
      contracts: wrap(parts.contracts),
      assets: wrap(parts.assets),
      users: wrap(parts.users),
      apiKeys: wrap(parts.apiKeys),
      workOrders: wrap(parts.workOrders),
      serviceProviders: wrap(parts.serviceProviders),
      billing: wrap(parts.billing),
      ops: wrap(parts.ops),
      with: (o: { headers?: Record<string, string>; onResponse?: (r: Response) => void }) => build(o),
    } as unknown as Api
  }
  return { api: build(), requests }
}

export const admin: AuthMeDto = { id: 'u1', email: 'admin@workorders.local', displayName: 'Administrator', roles: ['Admin'], antiforgeryToken: 't' }
export const userWith = (...roles: string[]): AuthMeDto => ({ ...admin, id: roles.join('-'), email: `${roles.join('.').toLowerCase()}@x.test`, displayName: roles.join(' '), roles })

export interface RenderOptions {
  api?: Api
  path?: string
  /** The signed-in user (null: signed out; 'ask': not known yet, /auth/me is called). */
  me?: AuthMeDto | null | 'ask'
}

export function renderWithApp(ui: ReactElement, { api = fakeApi().api, path = '/', me = admin }: RenderOptions = {}) {
  const [pathname, search = ''] = path.split('?')
  const location = memoryLocation({ path: pathname, searchPath: search, record: true })
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } })
  if (me !== 'ask') queryClient.setQueryData(meKey, me)
  const user = userEvent.setup()
  const result: RenderResult = render(
    <AppProviders api={api} queryClient={queryClient}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        {ui}
      </Router>
    </AppProviders>,
  )
  /** The current URL of the memory router (path and query). */
  const url = () => location.history.at(-1) ?? path
  return { ...result, user, queryClient, location, url }
}

export const never = () => new Promise<never>(() => {})
export const spy = vi.fn
