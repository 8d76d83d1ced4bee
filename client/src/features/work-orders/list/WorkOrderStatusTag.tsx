import { Tag } from 'antd'
import type { WorkOrderStatus } from '../../../api'
import { statusLabels } from './filters'

// The colours of the customers grid's five key statuses (WorkOrderStatusCounts), the Waiting states amber.
const colors: Record<WorkOrderStatus, string> = {
  Draft: 'default',
  Published: 'blue',
  Assigned: 'purple',
  InProgress: 'orange',
  WaitingParts: 'gold',
  WaitingOnVendor: 'gold',
  WaitingOnCustomer: 'gold',
  Completed: 'green',
  Cancelled: 'red',
}

export function WorkOrderStatusTag({ status }: { status: WorkOrderStatus }) {
  return (
    <Tag color={colors[status] ?? 'default'} variant="filled" className="status-tag">
      {statusLabels[status] ?? status}
    </Tag>
  )
}
