// The customers data layer: TanStack Query over the generated client. Pages use these hooks only.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  ifMatch,
  type Api,
  useApi,
  withEtag,
  type CreateCustomerCommand,
  type CustomerDto,
  type CustomerStatus,
  type UpdateCustomerCommand,
} from '../../api'

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filter: CustomerListFilter) => [...customerKeys.lists(), filter] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  sites: (id: string) => [...customerKeys.all, 'detail', id, 'sites'] as const,
  contracts: (id: string) => [...customerKeys.all, 'detail', id, 'contracts'] as const,
  assets: (id: string) => [...customerKeys.all, 'detail', id, 'assets'] as const,
}

export interface CustomerListFilter {
  search: string
  status: CustomerStatus | null
  limit: number
  cursor: string | null
}

export const pageSizes = [25, 50, 100] as const
const statuses: CustomerStatus[] = ['Active', 'Deactivated']

/** The list filter a URL asks for (?q=&status=&size=): the URL is the state of the All Customers page. */
export function listFilterFromUrl(params: URLSearchParams, cursor: string | null = null): CustomerListFilter {
  const status = params.get('status')
  const size = Number(params.get('size'))
  return {
    search: params.get('q') ?? '',
    status: (statuses as string[]).includes(status ?? '') ? (status as CustomerStatus) : null,
    limit: (pageSizes as readonly number[]).includes(size) ? size : 50,
    cursor,
  }
}

const customerListQuery = (api: Api, filter: CustomerListFilter) => ({
  queryKey: customerKeys.list(filter),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.customers.getCustomers(filter.search || undefined, filter.status ?? undefined, filter.limit, filter.cursor ?? undefined, signal),
})

export function useCustomerList(filter: CustomerListFilter) {
  const api = useApi()
  return useQuery({ ...customerListQuery(api, filter), placeholderData: keepPreviousData })
}

/** Asks for the first page while the app is still starting (main.tsx), in parallel with /auth/me. */
export function prefetchCustomerList(client: QueryClient, api: Api, params: URLSearchParams) {
  void client.prefetchQuery(customerListQuery(api, listFilterFromUrl(params)))
}

/** A customer and the ETag of the version read (sent back as If-Match by the edit). */
export interface VersionedCustomer {
  customer: CustomerDto
  etag: string
}

const etagOf = (customer: CustomerDto, etag: string | null) => etag ?? `"${customer.version}"`

export function useCustomer(id: string | null | undefined) {
  const api = useApi()
  return useQuery({
    queryKey: customerKeys.detail(id ?? ''),
    enabled: !!id,
    queryFn: async ({ signal }): Promise<VersionedCustomer> => {
      const { data, etag } = await withEtag(api, (a) => a.customers.getCustomer(id!, signal))
      return { customer: data, etag: etagOf(data, etag) }
    },
  })
}

function storeCustomer(client: QueryClient, customer: CustomerDto, etag: string | null) {
  client.setQueryData<VersionedCustomer>(customerKeys.detail(customer.id), { customer, etag: etagOf(customer, etag) })
  void client.invalidateQueries({ queryKey: customerKeys.lists() })
}

export function useCreateCustomer() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateCustomerCommand) => withEtag(api, (a) => a.customers.createCustomer(body)),
    onSuccess: ({ data, etag }) => storeCustomer(client, data, etag),
  })
}

export function useUpdateCustomer(id: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: UpdateCustomerCommand }) =>
      ifMatch(api, etag, (a) => a.customers.updateCustomer(id, body)),
    onSuccess: ({ data, etag }) => storeCustomer(client, data, etag),
  })
}

export function useDeactivateCustomer() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, reason, dryRun }: { id: string; reason?: string | null; dryRun: boolean }) =>
      api.customers.deactivateCustomer(id, { reason: reason || null, dryRun }),
    onSuccess: (result) => {
      if (result.dryRun) return
      // The cascade touched sites, contracts and work orders: everything under this customer is stale.
      void client.invalidateQueries({ queryKey: customerKeys.detail(result.customerId) })
      void client.invalidateQueries({ queryKey: customerKeys.lists() })
    },
  })
}

export function useReactivateCustomer() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => withEtag(api, (a) => a.customers.reactivateCustomer(id)),
    onSuccess: ({ data, etag }) => {
      storeCustomer(client, data, etag)
      void client.invalidateQueries({ queryKey: customerKeys.detail(data.id) })
    },
  })
}
