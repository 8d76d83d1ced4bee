// The Work Events list's data layer: TanStack Query over the generated client. The page uses these hooks only.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useApi, type Api, type WorkOrderListItemDtoCursorPage } from '../../../api'
import { toApiQuery, type WorkOrderFilter } from './filters'

/** Everything cached about work orders starts with this key: a bulk action invalidates it all. */
export const workOrdersRootKey = ['work-orders'] as const

export const workOrderListKeys = {
  lists: () => [...workOrdersRootKey, 'list'] as const,
  list: (filter: WorkOrderFilter) => [...workOrderListKeys.lists(), filter] as const,
  providers: () => ['service-providers', 'pickable'] as const,
  teams: () => ['service-provider-teams'] as const,
}

/** The API's largest page (Cursor.MaxLimit). */
export const maxPageSize = 200
/** The most work orders one bulk request takes (BulkWorkOrdersCommand.MaxIds): "select all matching" stops there. */
export const selectAllCap = 10_000

function fetchPage(api: Api, filter: WorkOrderFilter, limit: number, cursor: string | undefined, signal?: AbortSignal): Promise<WorkOrderListItemDtoCursorPage> {
  const q = toApiQuery(filter)
  return api.workOrders.getWorkOrders(
    q.customerId,
    q.status,
    q.routing,
    q.providerId,
    q.teamId,
    q.invoiceStatus,
    q.paymentApproved,
    q.source,
    q.category,
    q.createdFrom,
    q.createdTo,
    q.scheduledFrom,
    q.scheduledTo,
    q.q,
    q.mine,
    q.sort,
    limit,
    cursor,
    signal,
  )
}

/** The Work Events grid: keyset pages of `filter.size`, read page after page ("Load more"). */
export function useWorkOrderList(filter: WorkOrderFilter) {
  const api = useApi()
  const query = useInfiniteQuery({
    queryKey: workOrderListKeys.list(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => fetchPage(api, filter, filter.size, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = query.data?.pages.flatMap((p) => p.items) ?? []
  return { ...query, rows }
}

export interface MatchingIds {
  ids: string[]
  /** More work orders match than `cap`: only the first `cap` are in `ids`. */
  capped: boolean
}

/**
 * The ids of every work order matching a filter, in grid order, up to `cap`. The API has no ids-only or count
 * endpoint: this reads the list in pages of the largest size it allows.
 */
export async function fetchMatchingIds(
  api: Api,
  filter: WorkOrderFilter,
  { cap = selectAllCap, signal, onProgress }: { cap?: number; signal?: AbortSignal; onProgress?: (loaded: number) => void } = {},
): Promise<MatchingIds> {
  const ids: string[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await fetchPage(api, filter, Math.min(maxPageSize, cap - ids.length + 1), cursor, signal)
    for (const item of page.items) ids.push(item.id)
    onProgress?.(Math.min(ids.length, cap))
    if (ids.length > cap) return { ids: ids.slice(0, cap), capped: true }
    if (!page.nextCursor) return { ids, capped: false }
    if (ids.length === cap) return { ids, capped: true }
    cursor = page.nextCursor
  }
}

/** "Select all N matching this filter": a function that reads every matching id (see fetchMatchingIds). */
export function useFetchMatchingIds() {
  const api = useApi()
  return (filter: WorkOrderFilter, options?: Parameters<typeof fetchMatchingIds>[2]) => fetchMatchingIds(api, filter, options)
}

/** Service providers to filter by (all) or assign to (`activeOnly`): the first 200, searched by name on the server. */
export function useServiceProviders(search = '', { activeOnly = true, enabled = true }: { activeOnly?: boolean; enabled?: boolean } = {}) {
  const api = useApi()
  return useQuery({
    queryKey: [...workOrderListKeys.providers(), search, activeOnly],
    enabled,
    queryFn: ({ signal }) =>
      api.serviceProviders.getServiceProviders(search || undefined, undefined, activeOnly ? true : undefined, maxPageSize, undefined, signal),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

/** The service-provider teams (one small list). */
export function useTeams(enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: workOrderListKeys.teams(),
    enabled,
    queryFn: ({ signal }) => api.serviceProviders.getServiceProviderTeams(signal),
    staleTime: 60_000,
  })
}

/** A provider's name for the filter tag, also when it is not among the first page of the picker. */
export function useServiceProvider(id: string | null) {
  const api = useApi()
  return useQuery({
    queryKey: ['service-providers', 'detail', id ?? ''],
    enabled: !!id,
    queryFn: ({ signal }) => api.serviceProviders.getServiceProvider(id!, signal),
    staleTime: 60_000,
  })
}
