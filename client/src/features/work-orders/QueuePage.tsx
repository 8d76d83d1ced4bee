import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link, useLocation } from 'wouter'
import type { WorkOrderListItemDto, WorkOrderStatus } from '../../api'
import { formatAge, formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { StatusPage } from '../../shared/ui'
import { useMe } from '../auth/hooks'
import { canCreateWorkOrders, canReadCustomers } from '../auth/roles'
import { useQueue } from './api'
import { countByStatus } from './detail/model'
import { statusLabels } from './list/filters'
import { WorkOrderStatusTag } from './list/WorkOrderStatusTag'

/** The home page: my open work — everything not Completed/Cancelled assigned to me (or my teams), and new unassigned work. */
export default function QueuePage() {
  const roles = useMe().data?.roles ?? []
  const [, navigate] = useLocation()
  const queue = useQueue()
  const rows = queue.rows
  const linkCustomers = canReadCustomers(roles)
  // Ages are as of the moment the queue was read (Refresh reads it again).
  const now = queue.dataUpdatedAt

  const columns: ColumnsType<WorkOrderListItemDto> = [
    {
      title: 'Number',
      dataIndex: 'displayNumber',
      width: 120,
      render: (number: string, row) => (
        <Link href={`/work-orders/${row.id}`} className="cell-strong">
          {number}
        </Link>
      ),
    },
    { title: 'Title', dataIndex: 'title', ellipsis: true },
    {
      title: 'Customer',
      dataIndex: 'customerName',
      ellipsis: true,
      render: (name: string, row) => (
        <div>
          <div>{linkCustomers ? <Link href={`/customers/${row.customerId}`}>{name}</Link> : name}</div>
          <div className="cell-sub">{row.siteName}</div>
        </div>
      ),
    },
    { title: 'Status', dataIndex: 'status', width: 170, render: (status: WorkOrderStatus) => <WorkOrderStatusTag status={status} /> },
    {
      title: 'Scheduled',
      key: 'scheduled',
      width: 180,
      render: (_, row) => (row.scheduledStart ? formatDateTime(row.scheduledStart) : <span className="muted">Not scheduled</span>),
    },
    {
      title: 'Age',
      dataIndex: 'createdAt',
      width: 90,
      align: 'right',
      render: (createdAt: string) => <span title={`Opened ${formatDateTime(createdAt)}`}>{formatAge(createdAt, now)}</span>,
    },
  ]

  const summary = countByStatus(rows)

  return (
    <div data-testid="queue-page">
      <PageHeader
        title="My Queue"
        subTitle="Open work assigned to you or your teams, and new work nobody has taken yet. Oldest first."
        actions={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => queue.refetch()} loading={queue.isRefetching}>
              Refresh
            </Button>
            {canCreateWorkOrders(roles) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/work-orders/new')}>
                New Work Order
              </Button>
            )}
          </Space>
        }
      />
      {queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => queue.refetch()} />
      ) : !queue.isPending && rows.length === 0 ? (
        <StatusPage
          kind="info"
          title="Your queue is empty"
          text="No open work is assigned to you, and there is no new unassigned work."
          extra={
            <Space>
              <Link href="/work-orders">All work orders</Link>
              {canCreateWorkOrders(roles) && <Link href="/work-orders/new">Open a work order</Link>}
            </Space>
          }
        />
      ) : (
        <Card size="small" className="grid-card">
          {rows.length > 0 && (
            <div className="grid-toolbar" role="status" aria-label="Queue summary" data-testid="queue-summary">
              <span>
                <strong>{rows.length}</strong> loaded{queue.hasNextPage ? ' (more below)' : ''}:{' '}
                {summary.map(([status, count], i) => (
                  <span key={status}>
                    {i > 0 && ' · '}
                    {count} {statusLabels[status]}
                  </span>
                ))}
              </span>
              {queue.hasNextPage && <span className="muted">Counts are of the work orders loaded so far.</span>}
            </div>
          )}
          <Table<WorkOrderListItemDto>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={queue.isPending}
            pagination={false}
            footer={
              queue.hasNextPage
                ? () => (
                    <Button size="small" onClick={() => queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                      Load more
                    </Button>
                  )
                : undefined
            }
          />
        </Card>
      )}
    </div>
  )
}
