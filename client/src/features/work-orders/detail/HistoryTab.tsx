import { Table } from 'antd'
import type { StatusChangeDto, WorkOrderDto } from '../../../api'
import { formatDateTime } from '../../../shared/format'
import { WorkOrderStatusTag } from '../list/WorkOrderStatusTag'
import { historyActionLabels } from './labels'

/** Every status change: from → to, what was done, who did it, when, and why. Newest first. */
export function HistoryTab({ workOrder }: { workOrder: WorkOrderDto }) {
  const rows = [...workOrder.history].sort((a, b) => b.changedAt.localeCompare(a.changedAt))
  return (
    <Table<StatusChangeDto>
      data-testid="history-tab"
      size="small"
      rowKey={(row) => `${row.changedAt}-${row.action}-${row.to}`}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: 'No status changes yet.' }}
      columns={[
        { title: 'When', dataIndex: 'changedAt', width: 180, render: (at: string) => formatDateTime(at) },
        { title: 'Action', dataIndex: 'action', width: 160, render: (action: string) => historyActionLabels[action] ?? action },
        {
          title: 'Status',
          key: 'status',
          width: 260,
          render: (_, row) => (
            <span>
              {row.from && (
                <>
                  <WorkOrderStatusTag status={row.from} /> <span aria-label="to">→</span>{' '}
                </>
              )}
              <WorkOrderStatusTag status={row.to} />
            </span>
          ),
        },
        { title: 'By', dataIndex: 'changedByName', width: 180 },
        { title: 'Why', dataIndex: 'reason', render: (reason?: string | null) => (reason ? <span className="pre-line">{reason}</span> : <span className="muted">—</span>) },
      ]}
    />
  )
}
