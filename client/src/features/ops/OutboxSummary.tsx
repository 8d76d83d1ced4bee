import { Button, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { ReactNode } from 'react'
import type { OutboxSummaryDto, OutboxTypeCountDto } from '../../api'
import { formatDuration, formatTimestamp } from './labels'

interface Props {
  summary: OutboxSummaryDto
  /** When the summary was read: the age of the oldest waiting message is measured from then. */
  readAt: number
  /** Shows the messages of one type in the grid below. */
  onType: (type: string) => void
}

function Stat({ label, value, hint, tone }: { label: string; value: ReactNode; hint?: ReactNode; tone?: 'warning' | 'danger' }) {
  return (
    <div role="group" aria-label={label} className={`ops-stat${tone ? ` ops-stat-${tone}` : ''}`}>
      <div className="ops-stat-label">{label}</div>
      <div className="ops-stat-value">{value}</div>
      {hint && <div className="ops-stat-hint muted">{hint}</div>}
    </div>
  )
}

/** The outbox at a glance: cards for what waits, fails, gave up and was delivered, and the same by message type. */
export function OutboxSummary({ summary, readAt, onType }: Props) {
  const oldest = summary.oldestPendingCreatedAt
  const columns: ColumnsType<OutboxTypeCountDto> = [
    {
      title: 'Type',
      dataIndex: 'type',
      render: (type: string) => (
        <Button type="link" size="small" className="ops-type-link" onClick={() => onType(type)} aria-label={`Show ${type} messages`}>
          {type}
        </Button>
      ),
    },
    { title: 'Pending', dataIndex: 'pending', align: 'right', width: 90 },
    { title: 'Failing', dataIndex: 'failing', align: 'right', width: 90, render: (n: number) => (n > 0 ? <b className="ops-warning">{n}</b> : n) },
    { title: 'Dead-lettered', dataIndex: 'deadLettered', align: 'right', width: 120, render: (n: number) => (n > 0 ? <b className="ops-danger">{n}</b> : n) },
  ]

  return (
    <div className="ops-summary">
      <div className="ops-stats" data-testid="outbox-summary">
        <Stat label="Pending" value={summary.pending} hint="waiting to be delivered" />
        <Stat label="Failing" value={summary.failing} hint="failed, will retry" tone={summary.failing > 0 ? 'warning' : undefined} />
        <Stat label="Dead-lettered" value={summary.deadLettered} hint="gave up: retry by hand" tone={summary.deadLettered > 0 ? 'danger' : undefined} />
        <Stat label="Delivered (last hour)" value={summary.processedLastHour} />
        <Stat
          label="Oldest waiting"
          value={oldest ? formatDuration(readAt - new Date(oldest).getTime()) : '—'}
          hint={oldest ? `since ${formatTimestamp(oldest)}` : 'nothing waiting'}
        />
      </div>
      <section className="ops-by-type" aria-label="Waiting by type">
        <Table<OutboxTypeCountDto>
          size="small"
          rowKey="type"
          columns={columns}
          dataSource={summary.byType}
          pagination={false}
          locale={{ emptyText: 'Nothing waiting or dead-lettered.' }}
        />
      </section>
    </div>
  )
}
