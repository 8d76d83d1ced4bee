// The service providers data layer: TanStack Query over the generated client. Pages use these hooks only.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  ifMatch,
  useApi,
  withEtag,
  type CreateServiceProviderCommand,
  type CreateTeamCommand,
  type ServiceProviderDto,
  type ServiceProviderKind,
  type UpdateServiceProviderCommand,
} from '../../api'

/**
 * Everything about providers starts with ['service-providers'] (the work-order pickers cache under it too, so a
 * change here refreshes them); teams live under ['service-provider-teams'] (shared with the work-order pickers).
 */
export const providerKeys = {
  all: ['service-providers'] as const,
  lists: () => [...providerKeys.all, 'list'] as const,
  list: (filter: ProviderListFilter) => [...providerKeys.lists(), filter] as const,
  /** The provider read with its ETag, for an edit (not 'detail': the work-order pages cache the bare DTO there). */
  versioned: (id: string) => [...providerKeys.all, 'versioned', id] as const,
  byIds: (ids: readonly string[]) => [...providerKeys.all, 'by-ids', ids] as const,
  teams: ['service-provider-teams'] as const,
}

export const providerKinds: ServiceProviderKind[] = ['InternalTechnician', 'ExternalTechnician', 'PartnerCompany']

export const kindLabels: Record<ServiceProviderKind, string> = {
  InternalTechnician: 'Internal technician',
  ExternalTechnician: 'External technician',
  PartnerCompany: 'Partner company',
}

export interface ProviderListFilter {
  search: string
  kind: ServiceProviderKind | null
  /** true: active only; false: inactive only; null: all. */
  active: boolean | null
  limit: number
  cursor: string | null
}

export const pageSizes = [25, 50, 100] as const

/** The list filter a URL asks for (?q=&kind=&active=&size=): the URL is the state of the page. */
export function providerFilterFromUrl(params: URLSearchParams, cursor: string | null = null): ProviderListFilter {
  const kind = params.get('kind')
  const active = params.get('active')
  const size = Number(params.get('size'))
  return {
    search: params.get('q') ?? '',
    kind: (providerKinds as string[]).includes(kind ?? '') ? (kind as ServiceProviderKind) : null,
    active: active === 'true' ? true : active === 'false' ? false : null,
    limit: (pageSizes as readonly number[]).includes(size) ? size : 50,
    cursor,
  }
}

export function useProviderList(filter: ProviderListFilter) {
  const api = useApi()
  return useQuery({
    queryKey: providerKeys.list(filter),
    queryFn: ({ signal }) =>
      api.serviceProviders.getServiceProviders(
        filter.search || undefined,
        filter.kind ?? undefined,
        filter.active ?? undefined,
        filter.limit,
        filter.cursor ?? undefined,
        signal,
      ),
    placeholderData: keepPreviousData,
  })
}

/** Providers to pick from (team members): the first 200 matching the search, by name. */
export function useProviderOptions(search: string, enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: [...providerKeys.all, 'options', search],
    enabled,
    queryFn: ({ signal }) => api.serviceProviders.getServiceProviders(search || undefined, undefined, undefined, 200, undefined, signal),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  })
}

/** Providers by id (team members), read one by one: the API has no "these ids" filter. */
export function useProvidersByIds(ids: readonly string[]) {
  const api = useApi()
  const sorted = [...new Set(ids)].sort()
  return useQuery({
    queryKey: providerKeys.byIds(sorted),
    enabled: sorted.length > 0,
    queryFn: async ({ signal }) => {
      const found = await Promise.all(sorted.map((id) => api.serviceProviders.getServiceProvider(id, signal).catch(() => null)))
      return new Map(found.filter((p): p is ServiceProviderDto => !!p).map((p) => [p.id, p]))
    },
    staleTime: 60_000,
  })
}

/** A provider and the ETag of the version read (sent back as If-Match by the edit). */
export interface VersionedProvider {
  provider: ServiceProviderDto
  etag: string
}

const etagOf = (provider: ServiceProviderDto, etag: string | null) => etag ?? `"${provider.version}"`

/** Reads the provider afresh (with its ETag) when an edit opens. */
export function useVersionedProvider(id: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: providerKeys.versioned(id ?? ''),
    enabled: !!id,
    staleTime: 0,
    queryFn: async ({ signal }): Promise<VersionedProvider> => {
      const { data, etag } = await withEtag(api, (a) => a.serviceProviders.getServiceProvider(id!, signal))
      return { provider: data, etag: etagOf(data, etag) }
    },
  })
}

function storeProvider(client: QueryClient, provider: ServiceProviderDto, etag: string | null) {
  client.setQueryData<VersionedProvider>(providerKeys.versioned(provider.id), { provider, etag: etagOf(provider, etag) })
  // Lists, pickers and names of team members anywhere in the app.
  void client.invalidateQueries({ queryKey: providerKeys.all, predicate: (q) => q.queryKey[1] !== 'versioned' })
}

export function useCreateProvider() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateServiceProviderCommand) => withEtag(api, (a) => a.serviceProviders.createServiceProvider(body)),
    onSuccess: ({ data, etag }) => storeProvider(client, data, etag),
  })
}

export function useUpdateProvider() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string; body: UpdateServiceProviderCommand }) =>
      ifMatch(api, etag, (a) => a.serviceProviders.updateServiceProvider(id, body)),
    onSuccess: ({ data, etag }) => storeProvider(client, data, etag),
  })
}

/** The update body that keeps a provider as it is (the API replaces the whole provider). */
export const toUpdateCommand = (p: ServiceProviderDto): UpdateServiceProviderCommand => ({
  name: p.name,
  email: p.email,
  phone: p.phone ?? null,
  kind: p.kind,
  userId: p.userId ?? null,
  isActive: p.isActive,
})

/** Activates or deactivates: reads the current version (ETag), then replaces it with the flag changed (If-Match). */
export function useSetProviderActive() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) => {
      const { data, etag } = await withEtag(api, (a) => a.serviceProviders.getServiceProvider(id))
      return ifMatch(api, etagOf(data, etag), (a) => a.serviceProviders.updateServiceProvider(id, { ...toUpdateCommand(data), isActive: active }))
    },
    onSuccess: ({ data, etag }) => storeProvider(client, data, etag),
  })
}

export function useTeams() {
  const api = useApi()
  return useQuery({
    queryKey: providerKeys.teams,
    queryFn: ({ signal }) => api.serviceProviders.getServiceProviderTeams(signal),
  })
}

export function useCreateTeam() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateTeamCommand) => api.serviceProviders.createServiceProviderTeam(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: providerKeys.teams }),
  })
}
