import { EditOutlined, PoweroffOutlined, ReloadOutlined, ToolOutlined } from '@ant-design/icons'
import { Alert, Button, Descriptions, Space, Spin, Tabs } from 'antd'
import { lazy, Suspense, useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import type { CustomerDto } from '../../api'
import { toProblem } from '../../api/problem'
import { addressLines, formatDate, formatDateTime } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { StatusTag } from '../../shared/StatusTag'
import { StatusPage } from '../../shared/ui'
import { LazyMount, prefetchWhenIdle } from '../../shared/LazyMount'
import { AssetsTab } from '../assets/AssetsTab'
import { useMe } from '../auth/hooks'
import { canBill, canCreateWorkOrders, canEditCustomers, canPurchaseCreditHours } from '../auth/roles'
import { ContractsTab } from '../contracts/ContractsTab'
import { SitesTab } from '../sites/SitesTab'
import { useCustomer } from './api'
import { useConfirmReactivate } from './useReactivate'
import type { CustomerTab } from './tabs'
import { workOrdersLink } from './WorkOrderStatusCounts'


// Editing and the dialogs load on first use (prefetched when idle): the view itself opens faster.
const EditCustomer = lazy(() => import('./EditCustomer'))
// The credit-hour bank (its purchase form, number inputs, statistics) loads when its tab is opened.
const CreditHoursTab = lazy(() => import('../billing/CreditHoursTab').then((m) => ({ default: m.CreditHoursTab })))
const DeactivateCustomerDialog = lazy(() => import('./DeactivateCustomerDialog').then((m) => ({ default: m.DeactivateCustomerDialog })))

interface Props {
  customerId: string
  variant: 'page' | 'drawer'
  tab: CustomerTab
  onTabChange: (tab: CustomerTab) => void
}

/** One customer: details, edit (with the ETag), deactivate/reactivate, and tabs for sites, contracts, assets. */
export function CustomerView({ customerId, variant, tab, onTabChange }: Props) {
  const me = useMe().data!
  const canEdit = canEditCustomers(me.roles)
  const query = useCustomer(customerId)
  const [editing, setEditing] = useState(false)
  const [deactivating, setDeactivating] = useState(false)
  const confirmReactivate = useConfirmReactivate()
  const [, navigate] = useLocation()
  useEffect(() => {
    if (canEdit) prefetchWhenIdle(() => import('./EditCustomer'), () => import('./DeactivateCustomerDialog'), () => import('../sites/AddSiteDialog'))
  }, [canEdit])

  if (query.isPending) {
    return (
      <div className="page-loading">
        <Spin description="Loading customer…" />
      </div>
    )
  }
  if (query.isError) {
    const problem = toProblem(query.error)
    if (problem.status === 404) {
      return <StatusPage kind="notFound" title="Customer not found" text="It may have been removed, or the link is wrong." />
    }
    return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />
  }

  const { customer } = query.data
  const active = customer.status === 'Active'
  const actions = (
    <Space wrap>
      <Button icon={<ToolOutlined />} onClick={() => navigate(workOrdersLink(customer.id))}>
        View Work Events
      </Button>
      {active && canCreateWorkOrders(me.roles) && (
        <Button onClick={() => navigate(`/work-orders/new?customerId=${encodeURIComponent(customer.id)}`)}>New Work Event</Button>
      )}
      {canEdit && !editing && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          Edit
        </Button>
      )}
      {canEdit &&
        (active ? (
          <Button danger icon={<PoweroffOutlined />} onClick={() => setDeactivating(true)}>
            Deactivate…
          </Button>
        ) : (
          <Button type="primary" ghost icon={<ReloadOutlined />} onClick={() => confirmReactivate(customer)}>
            Reactivate
          </Button>
        ))}
    </Space>
  )

  const subTitle = `Customer since ${formatDate(customer.createdAt)}`
  return (
    <div className="customer-view" data-testid="customer-view">
      {variant === 'page' ? (
        <PageHeader title={customer.name} trail={[['Customers', '/customers']]} tags={<StatusTag status={customer.status} />} subTitle={subTitle} actions={actions} />
      ) : (
        <div className="drawer-header">
          <div>
            <h2 className="drawer-title">
              {customer.name} <StatusTag status={customer.status} />
            </h2>
            <span className="muted">{subTitle}</span>
          </div>
          {actions}
        </div>
      )}

      {!active && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Deactivated ${formatDateTime(customer.deactivatedAt)}`}
          description={
            <>
              {customer.deactivationReason && <div>Reason: {customer.deactivationReason}</div>}
              Only active customers get new work events, sites and contracts.
            </>
          }
        />
      )}

      {editing ? (
        <Suspense fallback={<Spin className="page-loading" />}>
          <EditCustomer customer={customer} etag={query.data.etag} onDone={() => setEditing(false)} reload={() => query.refetch()} />
        </Suspense>
      ) : (
        <CustomerDetails customer={customer} />
      )}

      <Tabs
        className="customer-tabs"
        activeKey={tab}
        onChange={(key) => onTabChange(key as CustomerTab)}
        items={[
          { key: 'sites', label: 'Customer Sites', children: <SitesTab customer={customer} canEdit={canEdit} /> },
          { key: 'contracts', label: 'Contracts', children: <ContractsTab customer={customer} canEdit={canEdit} /> },
          { key: 'assets', label: 'Assets', children: <AssetsTab customer={customer} canEdit={canEdit} /> },
          ...(canBill(me.roles)
            ? [
                {
                  key: 'credit-hours',
                  label: 'Credit hours',
                  children: (
                    <Suspense fallback={<Spin className="page-loading" />}>
                      <CreditHoursTab customer={customer} canPurchase={canPurchaseCreditHours(me.roles)} />
                    </Suspense>
                  ),
                },
              ]
            : []),
        ]}
      />

      <LazyMount when={deactivating}>
        <DeactivateCustomerDialog customer={deactivating ? customer : null} onClose={() => setDeactivating(false)} />
      </LazyMount>
    </div>
  )
}

function CustomerDetails({ customer }: { customer: CustomerDto }) {
  const address = addressLines(customer.billingAddress)
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      className="customer-details"
      items={[
        {
          key: 'contact',
          label: 'Primary contact',
          children: (
            <div data-testid="primary-contact">
              <div className="cell-strong">{customer.contact.name}</div>
              <a href={`mailto:${customer.contact.email}`}>{customer.contact.email}</a>
              {customer.contact.phone && <div>{customer.contact.phone}</div>}
            </div>
          ),
        },
        {
          key: 'billing',
          label: 'Billing location',
          children: address.length ? address.map((line) => <div key={line}>{line}</div>) : <span className="muted">Not given</span>,
        },
        {
          key: 'description',
          label: 'Description',
          span: 'filled',
          children: customer.description ? <span className="pre-line">{customer.description}</span> : <span className="muted">—</span>,
        },
        { key: 'updated', label: 'Last changed', children: formatDateTime(customer.updatedAt ?? customer.createdAt) },
        { key: 'version', label: 'Version', children: customer.version },
      ]}
    />
  )
}
