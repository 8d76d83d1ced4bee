// Bulk actions on work orders: POST /work-orders/bulk (dry run first, then the real run with an Idempotency-Key).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useApi, type BulkAction, type BulkResultDto } from '../../../api'
import { workOrdersRootKey } from '../list/api'

export interface BulkRequest {
  action: BulkAction
  ids: string[]
  providerId?: string | null
  teamId?: string | null
  reason?: string | null
  dryRun: boolean
  /** The real run sends one: a repeated request (double click, retry) acts once and answers the first result. */
  idempotencyKey?: string
}

export function useBulkWorkOrders() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: BulkRequest): Promise<BulkResultDto> =>
      api.workOrders.bulkWorkOrders(
        {
          action: body.action,
          ids: body.ids,
          providerId: body.action === 'AssignProvider' ? body.providerId : null,
          teamId: body.action === 'AssignTeam' ? body.teamId : null,
          reason: body.reason?.trim() || null,
          dryRun: body.dryRun,
        },
        idempotencyKey,
      ),
    onSuccess: (result) => {
      if (result.dryRun) return
      // Statuses, routing and billing flags changed: every work-order list and page is stale, and the customers
      // grid's status counts too.
      void client.invalidateQueries({ queryKey: workOrdersRootKey })
      void client.invalidateQueries({ queryKey: ['customers', 'list'] })
    },
  })
}
