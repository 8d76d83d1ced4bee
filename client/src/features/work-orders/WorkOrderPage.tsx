import './detail/work-order.css'
import { EditOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Space, Spin, Tabs } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'wouter'
import { toProblem } from '../../api/problem'
import { formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { StatusPage } from '../../shared/ui'
import { useMe } from '../auth/hooks'
import {
  canBill,
  canComment,
  canDeleteComments,
  canEditWorkOrders,
  canReadCustomers,
  canReadTimeEntries,
  canRunTimer,
  canResyncWorkMarket,
  canTransitionWorkOrders,
} from '../auth/roles'
import { TimeAndBilling } from '../billing/TimeAndBilling'
import { useWorkOrder } from './api'
import { CommentsTab } from './detail/CommentsTab'
import { EditWorkOrderDialog } from './detail/EditWorkOrderDialog'
import { HistoryTab } from './detail/HistoryTab'
import { isOpenStatus } from './detail/labels'
import { LineItemsTab } from './detail/LineItemsTab'
import { StatusActions } from './detail/StatusActions'
import { CustomerSiteLinks, WorkOrderDetails } from './detail/WorkOrderDetails'
import { WorkMarketPanel } from './detail/WorkMarketPanel'
import { WorkOrderStatusTag } from './list/WorkOrderStatusTag'

const tabs = ['history', 'line-items', 'comments', 'time'] as const
type Tab = (typeof tabs)[number]

/** One work order (/work-orders/:id?tab=comments): its fields, status actions, history, line items, comments, time & billing. */
export default function WorkOrderPage({ workOrderId }: { workOrderId: string }) {
  const me = useMe().data!
  const roles = me.roles
  const query = useWorkOrder(workOrderId)
  const [params, setParams] = useSearchParams()
  const [conflict, setConflict] = useState<unknown>(null)
  const [editing, setEditing] = useState(false)
  const raw = params.get('tab')
  const tab: Tab = (tabs as readonly string[]).includes(raw ?? '') ? (raw as Tab) : 'history'

  if (query.isPending) {
    return (
      <div className="page-loading">
        <Spin description="Loading work order…" />
      </div>
    )
  }
  if (query.isError) {
    if (toProblem(query.error).status === 404) {
      return <StatusPage kind="notFound" title="Work order not found" text="It may have been deleted, or it is not yours to see, or the link is wrong." />
    }
    return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />
  }

  const { workOrder, etag } = query.data
  const refresh = async () => {
    await query.refetch()
    setConflict(null)
  }
  const editable = canEditWorkOrders(roles) && isOpenStatus(workOrder.status)

  return (
    <div className="work-order-page" data-testid="work-order-page">
      <PageHeader
        title={`${workOrder.displayNumber} ${workOrder.title}`}
        trail={[['Work Orders', '/work-orders']]}
        tags={<WorkOrderStatusTag status={workOrder.status} />}
        subTitle={
          <>
            <CustomerSiteLinks workOrder={workOrder} linkCustomer={canReadCustomers(roles)} /> · {workOrder.status === 'Draft' ? 'created' : 'status since'}{' '}
            {formatDateTime(workOrder.statusChangedAt)}
          </>
        }
        actions={
          <Space wrap>
            {canTransitionWorkOrders(roles) && <StatusActions workOrder={workOrder} etag={etag} roles={roles} onConflict={setConflict} />}
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            <Button icon={<ReloadOutlined />} aria-label="Refresh" onClick={() => query.refetch()} loading={query.isFetching} />
          </Space>
        }
      />

      {conflict !== null && (
        <ProblemAlert
          error={conflict}
          title={toProblem(conflict).status === 412 ? 'Someone else changed this work order' : undefined}
          onRetry={refresh}
          retryText="Refresh"
          style={{ marginBottom: 12 }}
        />
      )}

      <WorkOrderDetails workOrder={workOrder} canReadCustomer={canReadCustomers(roles)} />

      <WorkMarketPanel workOrder={workOrder} canResync={canResyncWorkMarket(roles)} />

      <Tabs
        className="customer-tabs"
        activeKey={tab}
        onChange={(key) => setParams(key === 'history' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'history', label: `Status history (${workOrder.history.length})`, children: <HistoryTab workOrder={workOrder} /> },
          { key: 'line-items', label: `Line items (${workOrder.lineItems.length})`, children: <LineItemsTab workOrder={workOrder} canEdit={canEditWorkOrders(roles)} /> },
          {
            key: 'comments',
            label: `Comments (${workOrder.comments.length})`,
            children: <CommentsTab workOrder={workOrder} canComment={canComment(roles)} canDelete={canDeleteComments(roles)} />,
          },
          {
            key: 'time',
            label: 'Time & billing',
            children: (
              <TimeAndBilling
                workOrder={workOrder}
                etag={etag}
                me={me}
                canRunTimer={canRunTimer(roles)}
                canReadTimeEntries={canReadTimeEntries(roles)}
                canBill={canBill(roles)}
              />
            ),
          },
        ]}
      />

      {editable && <EditWorkOrderDialog open={editing} workOrder={workOrder} etag={etag} onClose={() => setEditing(false)} reload={() => void query.refetch()} />}
    </div>
  )
}
