import './detail/work-order.css'
import { EditOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Space, Spin, Tabs } from 'antd'
import { lazy, Suspense, useState, type ReactNode } from 'react'
import { useSearchParams } from 'wouter'
import { toProblem } from '../../api/problem'
import { formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { LazyMount } from '../../shared/LazyMount'
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
import { useWorkOrder } from './api'
import { HistoryTab } from './detail/HistoryTab'
import { isOpenStatus } from './detail/labels'
import { StatusActions } from './detail/StatusActions'
import { CustomerSiteLinks, WorkOrderDetails } from './detail/WorkOrderDetails'
import { WorkMarketPanel } from './detail/WorkMarketPanel'
import { WorkOrderStatusTag } from './list/WorkOrderStatusTag'

// The first view is the details and the history; the other tabs and the edit dialog (forms, cards, progress bars)
// load when they are opened.
const LineItemsTab = lazy(() => import('./detail/LineItemsTab').then((m) => ({ default: m.LineItemsTab })))
const CommentsTab = lazy(() => import('./detail/CommentsTab').then((m) => ({ default: m.CommentsTab })))
const TimeAndBilling = lazy(() => import('../billing/TimeAndBilling').then((m) => ({ default: m.TimeAndBilling })))
const EditWorkOrderDialog = lazy(() => import('./detail/EditWorkOrderDialog').then((m) => ({ default: m.EditWorkOrderDialog })))

const loading = (children: ReactNode) => <Suspense fallback={<Spin className="page-loading" />}>{children}</Suspense>

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
          { key: 'line-items', label: `Line items (${workOrder.lineItems.length})`, children: loading(<LineItemsTab workOrder={workOrder} canEdit={canEditWorkOrders(roles)} />) },
          {
            key: 'comments',
            label: `Comments (${workOrder.comments.length})`,
            children: loading(<CommentsTab workOrder={workOrder} canComment={canComment(roles)} canDelete={canDeleteComments(roles)} />),
          },
          {
            key: 'time',
            label: 'Time & billing',
            children: loading(
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

      {editable && (
        <LazyMount when={editing}>
          <EditWorkOrderDialog open={editing} workOrder={workOrder} etag={etag} onClose={() => setEditing(false)} reload={() => void query.refetch()} />
        </LazyMount>
      )}
    </div>
  )
}
