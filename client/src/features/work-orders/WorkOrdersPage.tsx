import { ToolOutlined } from '@ant-design/icons'
import { Button, Empty, Space, Tag } from 'antd'
import { useLocation, useSearchParams } from 'wouter'
import { PageHeader } from '../../shared/PageHeader'
import { useCustomer } from '../customers/api'
import { keyStatuses } from '../customers/WorkOrderStatusCounts'

/**
 * Work Events. The list itself arrives with the work-orders API; this page already understands the links
 * the customers grid makes (?customerId=…&status=…) so they keep working when it does.
 */
export default function WorkOrdersPage() {
  const [params] = useSearchParams()
  const [, navigate] = useLocation()
  const customerId = params.get('customerId')
  const status = params.get('status')
  const customer = useCustomer(customerId)
  const statusLabel = keyStatuses.find((s) => s.status === status)?.label ?? status
  return (
    <div>
      <PageHeader
        title="Work Events"
        trail={customerId ? [['Customers', `/customers?customer=${customerId}`]] : []}
        tags={
          <Space size={4}>
            {customerId && <Tag color="blue">Customer: {customer.data?.customer.name ?? '…'}</Tag>}
            {statusLabel && <Tag>Status: {statusLabel}</Tag>}
          </Space>
        }
      />
      <section className="grid-card" style={{ padding: 48 }}>
        <Empty
          image={<ToolOutlined style={{ fontSize: 48, color: '#9aa5b1' }} />}
          description={
            <>
              <div className="cell-strong">Work events are on their way</div>
              <div className="muted">The work-order list, filters and bulk actions arrive with the work-orders release.</div>
            </>
          }
        >
          {customerId && (
            <Button onClick={() => navigate(`/customers/${customerId}`)}>Back to {customer.data?.customer.name ?? 'the customer'}</Button>
          )}
        </Empty>
      </section>
    </div>
  )
}
