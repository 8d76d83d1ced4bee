import { createContext, useContext } from 'react'
import {
  ApiKeysClient,
  AssetsClient,
  AuthClient,
  BillingClient,
  ContractsClient,
  CustomersClient,
  OpsClient,
  ServiceProvidersClient,
  SitesClient,
  UsersClient,
  WorkOrdersClient,
} from './client'
import { createApiFetch, type Fetch, type HttpOptions } from './http'

export type * from './client'
export { ApiException } from './client'

/** The generated clients, sharing one fetch wrapper. `with(...)` gives clients with extra headers or a response hook. */
export interface Api {
  auth: AuthClient
  customers: CustomersClient
  sites: SitesClient
  contracts: ContractsClient
  assets: AssetsClient
  users: UsersClient
  apiKeys: ApiKeysClient
  workOrders: WorkOrdersClient
  serviceProviders: ServiceProvidersClient
  billing: BillingClient
  ops: OpsClient
  with(options: HttpOptions): Api
}

export function createApi(base?: Fetch, options: HttpOptions = {}, baseUrl = ''): Api {
  const http = { fetch: createApiFetch(base, options) }
  return {
    auth: new AuthClient(baseUrl, http),
    customers: new CustomersClient(baseUrl, http),
    sites: new SitesClient(baseUrl, http),
    contracts: new ContractsClient(baseUrl, http),
    assets: new AssetsClient(baseUrl, http),
    users: new UsersClient(baseUrl, http),
    apiKeys: new ApiKeysClient(baseUrl, http),
    workOrders: new WorkOrdersClient(baseUrl, http),
    serviceProviders: new ServiceProvidersClient(baseUrl, http),
    billing: new BillingClient(baseUrl, http),
    ops: new OpsClient(baseUrl, http),
    with: (more) => createApi(base, more, baseUrl),
  }
}

/** Calls the API and returns the answer with its ETag (for a later If-Match). */
export async function withEtag<T>(api: Api, call: (api: Api) => Promise<T>): Promise<{ data: T; etag: string | null }> {
  let etag: string | null = null
  const data = await call(api.with({ onResponse: (r) => (etag = r.headers.get('ETag') ?? etag) }))
  return { data, etag }
}

/** Calls the API with If-Match: the update applies only to the version that was read (else 412). */
export function ifMatch<T>(api: Api, etag: string, call: (api: Api) => Promise<T>): Promise<{ data: T; etag: string | null }> {
  let next: string | null = null
  return call(api.with({ headers: { 'If-Match': etag }, onResponse: (r) => (next = r.headers.get('ETag')) })).then((data) => ({
    data,
    etag: next,
  }))
}

export const ApiContext = createContext<Api | null>(null)

export function useApi(): Api {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi needs an <ApiContext.Provider> (see app/AppProviders).')
  return api
}
