// The Background Jobs data layer (Ops and Admin): TanStack Query over the generated OpsClient. The page uses these
// hooks only. Everything refreshes every 10 s while the tab is visible (refetchInterval; TanStack Query pauses
// interval refetches while the document is hidden).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi, type OutboxMessageDto, type OutboxState } from '../../api'
import type { CursorPage } from '../../shared/paging'

export const REFRESH_MS = 10_000
export const OUTBOX_PAGE_SIZE = 50

export const opsKeys = {
  all: ['ops'] as const,
  summary: () => [...opsKeys.all, 'outbox', 'summary'] as const,
  outbox: (filter: OutboxFilter) => [...opsKeys.all, 'outbox', 'list', filter] as const,
  jobs: () => [...opsKeys.all, 'jobs'] as const,
}

export interface OutboxFilter {
  state: OutboxState | null
  type: string | null
}

export const outboxStates: OutboxState[] = ['Pending', 'Processed', 'DeadLettered']

/** The grid's filter a URL asks for (?state=&type=): the URL is the state of the outbox grid. */
export function outboxFilterFromUrl(params: URLSearchParams): OutboxFilter {
  const state = params.get('state')
  const type = params.get('type')?.trim()
  return {
    state: (outboxStates as string[]).includes(state ?? '') ? (state as OutboxState) : null,
    type: type || null,
  }
}

/** What a row is for an operator: Pending rows that were tried already are "Failing" (as the summary counts them). */
export type OutboxRowState = OutboxState | 'Failing'

export const rowState = (m: Pick<OutboxMessageDto, 'state' | 'attempts'>): OutboxRowState =>
  m.state === 'Pending' && m.attempts > 0 ? 'Failing' : m.state

/** Retry is offered where the API can do something with it: dead-lettered and failing messages. */
export const canRetry = (m: Pick<OutboxMessageDto, 'state' | 'attempts'>) => {
  const state = rowState(m)
  return state === 'DeadLettered' || state === 'Failing'
}

export function useOutboxSummary() {
  const api = useApi()
  return useQuery({
    queryKey: opsKeys.summary(),
    queryFn: ({ signal }) => api.ops.getOutboxSummary(signal),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  })
}

/** The outbox, newest first, in keyset pages ("Load more"); the pages loaded are refreshed together. */
export function useOutboxMessages(filter: OutboxFilter) {
  const api = useApi()
  // As shared/paging's useCursorList, plus the auto-refresh (a refetch reads every loaded page again, each
  // page's cursor taken from the page before it as it is now).
  const query = useInfiniteQuery({
    queryKey: opsKeys.outbox(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }): Promise<CursorPage<OutboxMessageDto>> =>
      api.ops.getOutboxMessages(filter.state ?? undefined, filter.type ?? undefined, OUTBOX_PAGE_SIZE, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  })
  const rows = query.data?.pages.flatMap((p) => p.items) ?? []
  return { ...query, rows }
}

export function useJobs() {
  const api = useApi()
  return useQuery({
    queryKey: opsKeys.jobs(),
    queryFn: ({ signal }) => api.ops.getJobs(signal),
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  })
}

/** Puts a dead-lettered or failing message back in the queue, due now; the dashboard is read again. */
export function useRetryOutboxMessage() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.ops.retryOutboxMessage(id),
    onSettled: () => client.invalidateQueries({ queryKey: opsKeys.all }),
  })
}

/** Fires a job once, now (202); the dashboard is read again. */
export function useTriggerJob() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ group, name }: { group: string; name: string }) => api.ops.triggerJob(group, name),
    onSettled: () => client.invalidateQueries({ queryKey: opsKeys.all }),
  })
}
