import { Descriptions, Tag } from 'antd'
import { Link } from 'wouter'
import type { WorkOrderDto } from '../../../api'
import { formatDateTime } from '../../../shared/format'
import { categoryLabels, invoiceLabels, routingLabels, sourceLabels } from '../list/filters'
import { useCustomerAssets, useCustomerContracts } from '../api'
import { scheduledWindow } from './model'

const none = <span className="muted">—</span>

const text = (value: string | null | undefined) => (value ? <span className="pre-line">{value}</span> : none)

/** Every field of the work order. Contract and equipment are named when this user may read the customer's. */
export function WorkOrderDetails({ workOrder, canReadCustomer }: { workOrder: WorkOrderDto; canReadCustomer: boolean }) {
  const assets = useCustomerAssets(workOrder.customerId, canReadCustomer && workOrder.equipmentIds.length > 0)
  const contracts = useCustomerContracts(workOrder.customerId, canReadCustomer && !!workOrder.contractId)
  const contract = contracts.data?.items.find((c) => c.id === workOrder.contractId)
  const assetName = (id: string) => {
    const asset = assets.data?.items.find((a) => a.id === id)
    return asset ? [asset.name, asset.model, asset.serialNumber && `S/N ${asset.serialNumber}`].filter(Boolean).join(' · ') : id
  }

  const routing =
    workOrder.routing === 'Provider' ? `Service provider: ${workOrder.providerName ?? workOrder.providerId}`
    : workOrder.routing === 'Team' ? `Team: ${workOrder.teamName ?? workOrder.teamId}`
    : routingLabels[workOrder.routing]

  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      className="customer-details"
      data-testid="work-order-details"
      items={[
        { key: 'service', label: 'Service requested', span: 'filled', children: text(workOrder.serviceRequested) },
        { key: 'instructions', label: 'Instructions', children: text(workOrder.instructions) },
        { key: 'materials', label: 'Materials', children: text(workOrder.materials) },
        { key: 'category', label: 'Category', children: categoryLabels[workOrder.category] ?? workOrder.category },
        { key: 'scheduled', label: 'Scheduled', children: scheduledWindow(workOrder.scheduledStart, workOrder.scheduledEnd) },
        {
          key: 'source',
          label: 'Source',
          children: (
            <>
              {sourceLabels[workOrder.source] ?? workOrder.source}
              {workOrder.createdBy && <span className="muted"> · opened {formatDateTime(workOrder.createdAt)}</span>}
            </>
          ),
        },
        {
          key: 'requester',
          label: 'Requester',
          children: workOrder.requesterName ? (
            <>
              {workOrder.requesterName}
              {workOrder.requesterEmail && (
                <>
                  {' · '}
                  <a href={`mailto:${workOrder.requesterEmail}`}>{workOrder.requesterEmail}</a>
                </>
              )}
            </>
          ) : (
            <span className="muted">The primary contact</span>
          ),
        },
        {
          key: 'contract',
          label: 'Contract',
          children: !workOrder.contractId ? none : contract ? `${contract.number} · ${contract.name}` : <span className="muted">{canReadCustomer && contracts.isPending ? 'Loading…' : 'Under contract'}</span>,
        },
        {
          key: 'equipment',
          label: 'Equipment',
          children: !workOrder.equipmentIds.length ? (
            none
          ) : !canReadCustomer ? (
            `${workOrder.equipmentIds.length} asset${workOrder.equipmentIds.length === 1 ? '' : 's'}`
          ) : (
            <ul className="plain-list">
              {workOrder.equipmentIds.map((id) => (
                <li key={id}>{assetName(id)}</li>
              ))}
            </ul>
          ),
        },
        { key: 'routing', label: 'Routing', children: routing },
        {
          key: 'invoice',
          label: 'Invoice',
          children: <Tag color={workOrder.invoiceStatus === 'Yes' ? 'green' : workOrder.invoiceStatus === 'NotRequired' ? 'blue' : 'default'}>{invoiceLabels[workOrder.invoiceStatus]}</Tag>,
        },
        {
          key: 'payment',
          label: 'Payment approval',
          children: workOrder.paymentApprovedAt ? (
            <>
              Approved {formatDateTime(workOrder.paymentApprovedAt)}
              {workOrder.paymentApprovedBy && <span className="muted"> by {workOrder.paymentApprovedBy}</span>}
            </>
          ) : (
            <span className="muted">Not approved</span>
          ),
        },
        ...(workOrder.completedAt
          ? [{ key: 'completed', label: 'Completed', span: 'filled' as const, children: <>{formatDateTime(workOrder.completedAt)}{workOrder.completionNotes && <div className="pre-line">{workOrder.completionNotes}</div>}</> }]
          : []),
        ...(workOrder.cancelledAt
          ? [{ key: 'cancelled', label: 'Cancelled', span: 'filled' as const, children: <>{formatDateTime(workOrder.cancelledAt)}{workOrder.cancellationReason && <div>Reason: {workOrder.cancellationReason}</div>}</> }]
          : []),
        { key: 'updated', label: 'Last changed', children: formatDateTime(workOrder.updatedAt ?? workOrder.createdAt) },
        { key: 'version', label: 'Version', children: workOrder.version },
      ]}
    />
  )
}

export function CustomerSiteLinks({ workOrder, linkCustomer }: { workOrder: WorkOrderDto; linkCustomer: boolean }) {
  return linkCustomer ? (
    <span>
      <Link href={`/customers/${workOrder.customerId}`}>{workOrder.customerName}</Link>
      {' · '}
      <Link href={`/customers/${workOrder.customerId}?tab=sites`}>{workOrder.siteName}</Link>
    </span>
  ) : (
    <span>
      {workOrder.customerName} · {workOrder.siteName}
    </span>
  )
}
