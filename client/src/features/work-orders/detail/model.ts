// The work-order pages' logic that is not a component: what the form sends, what is offered, how it reads.
import type { CreateWorkOrderCommand, WorkOrderAction, WorkOrderCategory, WorkOrderDto, WorkOrderListItemDto, WorkOrderSource, WorkOrderStatus } from '../../../api'
import { formatDateTime } from '../../../shared/format'
import { text } from '../../../shared/forms'
import { isRestrictedTechnician, technicianActions } from '../../auth/roles'
import { categoryLabels, statusLabels } from '../list/filters'
import { fromLocalInput } from './dates'
import { actionOrder } from './labels'

/** The sources office staff record (CreateWorkOrderCommandValidator.StaffSources); all but Office start Published ("New"). */
export const sources: { value: WorkOrderSource; label: string }[] = [
  { value: 'Office', label: 'Office' },
  { value: 'Email', label: 'E-mail' },
  { value: 'Phone', label: 'Phone' },
  { value: 'Technician', label: 'Technician (monitoring)' },
]

/** Sources where someone other than the primary contact usually asked: the requester is asked for. */
export const withRequester: WorkOrderSource[] = ['Email', 'Phone']

export interface NewWorkOrderValues {
  customerId?: string
  siteId?: string
  contractId?: string
  equipmentIds?: string[]
  title: string
  serviceRequested: string
  instructions?: string
  materials?: string
  category: WorkOrderCategory
  scheduledStart?: string
  scheduledEnd?: string
  source: WorkOrderSource
  requester?: { name?: string; email?: string }
}

export function toCreateCommand(values: NewWorkOrderValues): CreateWorkOrderCommand {
  const requesterName = text(values.requester?.name)
  const requesterEmail = text(values.requester?.email)
  return {
    customerId: values.customerId ?? '',
    siteId: values.siteId ?? '',
    contractId: values.contractId || null,
    equipmentIds: values.equipmentIds?.length ? values.equipmentIds : null,
    title: text(values.title) ?? '',
    serviceRequested: text(values.serviceRequested) ?? '',
    instructions: text(values.instructions),
    materials: text(values.materials),
    category: values.category,
    scheduledStart: fromLocalInput(values.scheduledStart),
    scheduledEnd: fromLocalInput(values.scheduledEnd),
    source: values.source,
    // Both or neither: the API checks the e-mail of a requester that is given.
    requester: withRequester.includes(values.source) && (requesterName || requesterEmail) ? { name: requesterName ?? '', email: requesterEmail ?? '' } : undefined,
  }
}


const statusOrder = Object.keys(statusLabels) as WorkOrderStatus[]

/** Counts by status of the rows loaded so far, in the status machine's order. */
export function countByStatus(rows: readonly WorkOrderListItemDto[]): [WorkOrderStatus, number][] {
  const counts = new Map<WorkOrderStatus, number>()
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1)
  return statusOrder.filter((s) => counts.has(s)).map((s) => [s, counts.get(s)!])
}


/** The scheduled window: "12 Mar 2026, 09:00 – 12:00" or the parts given. */
export function scheduledWindow(start?: string | null, end?: string | null): string {
  if (!start && !end) return 'Not scheduled'
  if (start && end) return `${formatDateTime(start)} – ${formatDateTime(end)}`
  return start ? `From ${formatDateTime(start)}` : `Until ${formatDateTime(end)}`
}


/** The actions this user may take on this work order now. Only the response's `allowedActions` are ever offered. */
export function offeredActions(workOrder: WorkOrderDto, roles: readonly string[]): WorkOrderAction[] {
  const allowed = new Set(workOrder.allowedActions)
  const restricted = isRestrictedTechnician(roles)
  return actionOrder.filter((a) => allowed.has(a) && (!restricted || (technicianActions as readonly string[]).includes(a)))
}


export const categoryOptions = (Object.keys(categoryLabels) as WorkOrderCategory[]).map((value) => ({ value, label: categoryLabels[value] }))

