import './workmarket.css'
import { SyncOutlined } from '@ant-design/icons'
import { Alert, Button, Descriptions, Tag } from 'antd'
import type { WorkMarketSyncStatus, WorkOrderDto } from '../../../api'
import { useFeedback } from '../../../shared/feedback'
import { formatDateTime } from '../../../shared/format'
import { ProblemAlert } from '../../../shared/ProblemAlert'
import { useResyncWorkMarket, useWorkMarketPolling } from '../api'
import { isOpenStatus } from './labels'

const statusColors: Record<WorkMarketSyncStatus, string> = {
  Pending: 'blue',
  Created: 'blue',
  Sent: 'geekblue',
  Declined: 'orange',
  Active: 'purple',
  Completed: 'green',
  Paid: 'green',
  Cancelled: 'default',
  Failed: 'red',
}

const none = <span className="muted">—</span>

/**
 * The WorkMarket side of a work order routed there (GET /work-orders/{id} → workMarket): our sync status, the
 * assignment and its status on WorkMarket, the last error; dispatchers may re-sync an open one. Nothing otherwise.
 */
export function WorkMarketPanel({ workOrder, canResync }: { workOrder: WorkOrderDto; canResync: boolean }) {
  const { message } = useFeedback()
  const sync = workOrder.workMarket
  const routed = workOrder.routing === 'WorkMarket'
  const resync = useResyncWorkMarket(workOrder.id)
  // Until the outbox job has dispatched it (no sync state yet, or Pending), the outcome is worth waiting for.
  useWorkMarketPolling(workOrder.id, routed && isOpenStatus(workOrder.status) && (!sync || sync.status === 'Pending'))
  if (!routed && !sync) return null

  const onResync = () =>
    resync.mutate(undefined, {
      onSuccess: () => message.success(`${workOrder.displayNumber} is queued to be sent to WorkMarket again.`),
    })

  return (
    <section className="workmarket-panel" aria-label="WorkMarket" data-testid="workmarket-panel">
      <header className="workmarket-panel-header">
        <h2 className="section-title">WorkMarket</h2>
        {sync && (
          <Tag color={statusColors[sync.status] ?? 'default'} variant="filled" className="status-tag">
            {sync.status}
          </Tag>
        )}
        {!routed && <span className="muted">No longer routed to WorkMarket</span>}
        <div className="grow" />
        {canResync && routed && isOpenStatus(workOrder.status) && (
          <Button size="small" icon={<SyncOutlined />} onClick={onResync} loading={resync.isPending}>
            Re-sync
          </Button>
        )}
      </header>
      {resync.isError && <ProblemAlert error={resync.error} title="Could not re-sync with WorkMarket" style={{ marginBottom: 8 }} />}
      {sync?.lastError && (
        <Alert
          type={sync.status === 'Failed' ? 'error' : 'warning'}
          showIcon
          title="Last error"
          description={<span className="pre-line">{sync.lastError}</span>}
          style={{ marginBottom: 8 }}
        />
      )}
      {sync ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'assignment', label: 'Assignment id', children: sync.assignmentId ?? none },
            { key: 'wm-status', label: 'Status on WorkMarket', children: sync.workMarketStatus ?? none },
            { key: 'attempts', label: 'Attempts', children: sync.attempts },
            { key: 'synced', label: 'Last synced', children: sync.lastSyncedAt ? formatDateTime(sync.lastSyncedAt) : none },
            { key: 'updated', label: 'Updated', children: formatDateTime(sync.updatedAt) },
          ]}
        />
      ) : (
        <p className="muted">Not sent to WorkMarket yet: the dispatch is waiting for the outbox job.</p>
      )}
    </section>
  )
}
