// One work order's data layer (the page, its status actions, line items, comments, the create form and the open
// queue): TanStack Query over the generated client. Pages use these hooks only.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import {
  ifMatch,
  useApi,
  withEtag,
  type AddLineItemCommand,
  type CreateWorkOrderCommand,
  type TransitionWorkOrderCommand,
  type UpdateLineItemCommand,
  type UpdateWorkOrderCommand,
  type WorkOrderDto,
} from '../../api'
import { useCursorList } from '../../shared/paging'
import { newUuid } from '../../shared/uuid'

/** Everything cached about work orders starts with 'work-orders' (the list's bulk actions invalidate it all). */
export const workOrderKeys = {
  all: ['work-orders'] as const,
  lists: () => [...workOrderKeys.all, 'list'] as const,
  queue: (limit: number) => [...workOrderKeys.all, 'queue', limit] as const,
  detail: (id: string) => [...workOrderKeys.all, 'detail', id] as const,
  timeEntries: (id: string) => [...workOrderKeys.detail(id), 'time-entries'] as const,
  progress: (id: string) => [...workOrderKeys.detail(id), 'progress'] as const,
  providers: (search: string) => ['service-providers', 'active', search] as const,
}

/** A work order and the ETag of the version read (sent back as If-Match by edits and status actions). */
export interface VersionedWorkOrder {
  workOrder: WorkOrderDto
  etag: string
}

const etagOf = (workOrder: WorkOrderDto, etag: string | null) => etag ?? `"${workOrder.version}"`

export function useWorkOrder(id: string) {
  const api = useApi()
  return useQuery({
    queryKey: workOrderKeys.detail(id),
    queryFn: async ({ signal }): Promise<VersionedWorkOrder> => {
      const { data, etag } = await withEtag(api, (a) => a.workOrders.getWorkOrder(id, signal))
      return { workOrder: data, etag: etagOf(data, etag) }
    },
  })
}

/** Stores the work order an update answered with (and its new ETag); lists and the queue are stale now. */
function storeWorkOrder(client: QueryClient, workOrder: WorkOrderDto, etag: string | null) {
  client.setQueryData<VersionedWorkOrder>(workOrderKeys.detail(workOrder.id), { workOrder, etag: etagOf(workOrder, etag) })
  void client.invalidateQueries({ queryKey: workOrderKeys.detail(workOrder.id), exact: false, predicate: (q) => q.queryKey.length > 3 })
  void client.invalidateQueries({ queryKey: workOrderKeys.lists() })
  void client.invalidateQueries({ queryKey: [...workOrderKeys.all, 'queue'] })
  // The customers grid counts work orders by status.
  void client.invalidateQueries({ queryKey: ['customers', 'list'] })
}

/** Opens a work order. One Idempotency-Key per form: a double submit or a retry creates one work order. */
export function useCreateWorkOrder() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey = newUuid() }: { body: CreateWorkOrderCommand; idempotencyKey?: string }) =>
      withEtag(api, (a) => a.workOrders.createWorkOrder(body, idempotencyKey)),
    onSuccess: ({ data, etag }) => storeWorkOrder(client, data, etag),
  })
}

export function useUpdateWorkOrder(id: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: UpdateWorkOrderCommand }) => ifMatch(api, etag, (a) => a.workOrders.updateWorkOrder(id, body)),
    onSuccess: ({ data, etag }) => storeWorkOrder(client, data, etag),
  })
}

/** A status-machine action (publish, assign, start, wait, resume, complete, cancel…) on the version read. */
export function useTransitionWorkOrder(id: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: Omit<TransitionWorkOrderCommand, 'toWorkMarket'> & { toWorkMarket?: boolean } }) =>
      ifMatch(api, etag, (a) => a.workOrders.transitionWorkOrder(id, { toWorkMarket: false, ...body })),
    onSuccess: ({ data, etag }) => storeWorkOrder(client, data, etag),
  })
}

/** Line items and comments are part of the work order: after a change, read it again (new version, totals). */
function useRefreshAfter(id: string) {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: workOrderKeys.detail(id) })
}

export function useAddLineItem(id: string) {
  const api = useApi()
  const refresh = useRefreshAfter(id)
  return useMutation({ mutationFn: (body: AddLineItemCommand) => api.workOrders.addLineItem(id, body), onSuccess: refresh })
}

export function useUpdateLineItem(id: string) {
  const api = useApi()
  const refresh = useRefreshAfter(id)
  return useMutation({
    mutationFn: ({ lineItemId, body }: { lineItemId: string; body: UpdateLineItemCommand }) => api.workOrders.updateLineItem(id, lineItemId, body),
    onSuccess: refresh,
  })
}

export function useAddComment(id: string) {
  const api = useApi()
  const refresh = useRefreshAfter(id)
  return useMutation({ mutationFn: (text: string) => api.workOrders.addComment(id, { text }), onSuccess: refresh })
}

export function useDeleteComment(id: string) {
  const api = useApi()
  const refresh = useRefreshAfter(id)
  return useMutation({ mutationFn: (commentId: string) => api.workOrders.deleteComment(commentId), onSuccess: refresh })
}

/** Active service providers to assign, by any part of the name (first 50). */
export function useActiveProviders(search: string, enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: workOrderKeys.providers(search),
    enabled,
    queryFn: ({ signal }) => api.serviceProviders.getServiceProviders(search || undefined, undefined, true, 50, undefined, signal),
    staleTime: 60_000,
  })
}

/** The open-work queue (`mine=true`): not Completed/Cancelled, assigned to me or new and unassigned; keyset pages. */
export function useQueue(limit = 50) {
  const api = useApi()
  return useCursorList(workOrderKeys.queue(limit), (cursor, signal) =>
    api.workOrders.getWorkOrders(
      undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
      undefined, undefined, undefined, undefined, undefined, true, 'Oldest', limit, cursor, signal,
    ),
  )
}

// ---- Pickers of the create form: active customers, and the active sites, active contracts and assets of one.

const PICK = 100

export function usePickableCustomers(search: string) {
  const api = useApi()
  return useQuery({
    queryKey: ['customers', 'list', 'pickable', search],
    queryFn: ({ signal }) => api.customers.getCustomers(search || undefined, 'Active', 20, undefined, signal),
    staleTime: 30_000,
  })
}

export function usePickableSites(customerId: string | undefined) {
  const api = useApi()
  return useQuery({
    queryKey: ['customers', 'detail', customerId ?? '', 'sites', 'active'],
    enabled: !!customerId,
    queryFn: ({ signal }) => api.sites.getSites(customerId!, 'Active', PICK, undefined, signal),
  })
}

export function usePickableContracts(customerId: string | undefined) {
  const api = useApi()
  return useQuery({
    queryKey: ['customers', 'detail', customerId ?? '', 'contracts', 'active'],
    enabled: !!customerId,
    queryFn: ({ signal }) => api.contracts.getContracts(customerId!, 'Active', PICK, undefined, signal),
  })
}

export function usePickableAssets(customerId: string | undefined, siteId: string | undefined) {
  const api = useApi()
  return useQuery({
    queryKey: ['customers', 'detail', customerId ?? '', 'assets', 'at', siteId ?? ''],
    enabled: !!customerId && !!siteId,
    queryFn: ({ signal }) => api.assets.getAssets(customerId!, siteId, PICK, undefined, signal),
  })
}

/** The assets a work order lists (any site of its customer), to show their names. */
export function useCustomerAssets(customerId: string, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: ['customers', 'detail', customerId, 'assets', 'all'],
    enabled,
    queryFn: ({ signal }) => api.assets.getAssets(customerId, undefined, 200, undefined, signal),
  })
}

/** The contract of a work order (to show its number and name). */
export function useCustomerContracts(customerId: string, enabled: boolean) {
  const api = useApi()
  return useQuery({
    queryKey: ['customers', 'detail', customerId, 'contracts', 'all'],
    enabled,
    queryFn: ({ signal }) => api.contracts.getContracts(customerId, undefined, 200, undefined, signal),
  })
}

// ---- WorkMarket (the panel of a WorkMarket-routed work order).

/** Publishes a WorkMarket-routed work order on WorkMarket again (202, the sync back to Pending); the work order is read again. */
export function useResyncWorkMarket(id: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.workOrders.resyncWorkMarket(id),
    onSuccess: (sync) => {
      // The answer is the new sync state: show it at once, then read the work order again (new version).
      client.setQueryData<VersionedWorkOrder>(workOrderKeys.detail(id), (old) => (old && sync ? { ...old, workOrder: { ...old.workOrder, workMarket: sync } } : old))
      void client.invalidateQueries({ queryKey: workOrderKeys.detail(id), exact: true })
    },
  })
}

/** While a WorkMarket dispatch waits for the outbox job (status Pending), reads the work order again every few seconds. */
export function useWorkMarketPolling(id: string, pending: boolean, intervalMs = 5_000) {
  const client = useQueryClient()
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void client.invalidateQueries({ queryKey: workOrderKeys.detail(id), exact: true })
    }, intervalMs)
    return () => clearInterval(timer)
  }, [client, id, pending, intervalMs])
}
