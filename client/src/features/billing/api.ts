// Time and billing data layer: timers and time entries (worked hours), billed hours, the progress report, and the
// customers' credit-hour banks. TanStack Query over the generated client; components use these hooks only.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ifMatch, useApi, type PurchaseCreditHoursCommand, type SetBilledHoursCommand } from '../../api'
import { newUuid } from '../../shared/uuid'
import { customerKeys } from '../customers/api'
import { workOrderKeys } from '../work-orders/api'

export const creditHourKeys = {
  ledger: (customerId: string) => [...customerKeys.detail(customerId), 'credit-hours'] as const,
}

export function useTimeEntries(workOrderId: string, enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: workOrderKeys.timeEntries(workOrderId),
    enabled,
    queryFn: ({ signal }) => api.billing.getTimeEntries(workOrderId, signal),
  })
}

/** Start or stop the signed-in user's own timer; the worked hours of the work order change with a stop. */
export function useTimer(workOrderId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (action: 'start' | 'stop') => (action === 'start' ? api.billing.startTimer(workOrderId) : api.billing.stopTimer(workOrderId)),
    onSettled: () => client.invalidateQueries({ queryKey: workOrderKeys.detail(workOrderId) }),
  })
}

export function useProgress(workOrderId: string, enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: workOrderKeys.progress(workOrderId),
    enabled,
    queryFn: ({ signal }) => api.billing.getWorkOrderProgress(workOrderId, undefined, signal),
  })
}

/** Sets the billed hours of completed work on the version read (If-Match); debits the customer's bank. */
export function useSetBilledHours(workOrderId: string, customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: SetBilledHoursCommand }) => ifMatch(api, etag, (a) => a.billing.setBilledHours(workOrderId, body)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: workOrderKeys.detail(workOrderId) })
      void client.invalidateQueries({ queryKey: creditHourKeys.ledger(customerId) })
    },
  })
}

const LEDGER_PAGE = 50

/** The customer's credit-hour bank: balance and totals (of the first page's answer) and the ledger, newest first. */
export function useCreditHours(customerId: string) {
  const api = useApi()
  const query = useInfiniteQuery({
    queryKey: creditHourKeys.ledger(customerId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.billing.getCreditHours(customerId, LEDGER_PAGE, pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const pages = query.data?.pages ?? []
  return { ...query, summary: pages[0], entries: pages.flatMap((p) => p.entries) }
}

/** Records purchased hours. One Idempotency-Key per dialog: a double click or a retry is counted once. */
export function usePurchaseCreditHours(customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey = newUuid() }: { body: PurchaseCreditHoursCommand; idempotencyKey?: string }) =>
      api.billing.purchaseCreditHours(customerId, body, idempotencyKey),
    onSuccess: () => client.invalidateQueries({ queryKey: creditHourKeys.ledger(customerId) }),
  })
}
