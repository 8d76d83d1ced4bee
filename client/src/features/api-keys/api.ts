// The partner API keys data layer (Admin only): TanStack Query over the generated client.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi, type CreateApiKeyCommand, type CustomerDto } from '../../api'

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  /** Customer names for the keys' scopes (not the customers feature's cache: that one holds versioned customers). */
  customers: (ids: readonly string[]) => ['api-keys', 'customers', ids] as const,
}

export function useApiKeys() {
  const api = useApi()
  return useQuery({
    queryKey: apiKeyKeys.all,
    queryFn: ({ signal }) => api.apiKeys.getApiKeys(signal),
  })
}

/** Creates a key. The answer holds the key itself: keep it in the caller's state only, never in the query cache. */
export function useCreateApiKey() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateApiKeyCommand) => api.apiKeys.createApiKey(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: apiKeyKeys.all }),
  })
}

export function useRevokeApiKey() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.apiKeys.revokeApiKey(id),
    onSettled: () => void client.invalidateQueries({ queryKey: apiKeyKeys.all }),
  })
}

/** The customers the keys are scoped to, read one by one (the API has no "these ids" filter). Unknown ids stay out. */
export function useCustomerNames(ids: readonly string[]) {
  const api = useApi()
  const sorted = [...new Set(ids)].sort()
  return useQuery({
    queryKey: apiKeyKeys.customers(sorted),
    enabled: sorted.length > 0,
    queryFn: async ({ signal }) => {
      const found = await Promise.all(sorted.map((id) => api.customers.getCustomer(id, signal).catch(() => null)))
      return new Map(found.filter((c): c is CustomerDto => !!c).map((c) => [c.id, c.name]))
    },
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  })
}

/** Customers to pick for a key's scope: the first 20 whose name matches the search (active ones). */
export function useCustomerOptions(search: string, enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: ['api-keys', 'customer-options', search],
    enabled,
    queryFn: ({ signal }) => api.customers.getCustomers(search || undefined, 'Active', 20, undefined, signal),
    select: (page) => page.items.map((c) => ({ id: c.id, name: c.name, city: c.city ?? null })),
    placeholderData: keepPreviousData,
  })
}

/**
 * What a partner key may do. The API has no per-key scopes: every key may read its customers and create and read
 * their work orders (PRODUCT.md, "partner system"); a key is narrowed by its customers only.
 */
export const partnerScopes = ['Read customers', 'Create work orders', 'Read work orders'] as const
