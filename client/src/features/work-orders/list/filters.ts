// The Work Events filter and the URL that holds it. The URL is the state of the page: a filter is a shareable
// link, and the back button undoes it. The parameter names of the customers grid's links are kept
// (`?customerId=…&status=…`, see customers/WorkOrderStatusCounts.tsx).
import type { InvoiceStatus, RoutingKind, WorkOrderCategory, WorkOrderSort, WorkOrderSource, WorkOrderStatus } from '../../../api'

/** The statuses offered by the filter. `InProgress` means "In Progress incl. the three Waiting states", as the
 * customers grid counts it; the Waiting states can also be chosen on their own. */
export const statusOptions: { value: WorkOrderStatus; label: string }[] = [
  { value: 'Draft', label: 'Draft' },
  { value: 'Published', label: 'Published' },
  { value: 'Assigned', label: 'Assigned' },
  { value: 'InProgress', label: 'In Progress (incl. waiting)' },
  { value: 'WaitingParts', label: 'Waiting for parts' },
  { value: 'WaitingOnVendor', label: 'Waiting on vendor' },
  { value: 'WaitingOnCustomer', label: 'Waiting on customer' },
  { value: 'Completed', label: 'Completed' },
  { value: 'Cancelled', label: 'Cancelled' },
]

export const waitingStatuses: WorkOrderStatus[] = ['WaitingParts', 'WaitingOnVendor', 'WaitingOnCustomer']

export const statusLabels: Record<WorkOrderStatus, string> = {
  Draft: 'Draft',
  Published: 'Published',
  Assigned: 'Assigned',
  InProgress: 'In Progress',
  WaitingParts: 'Waiting for parts',
  WaitingOnVendor: 'Waiting on vendor',
  WaitingOnCustomer: 'Waiting on customer',
  Completed: 'Completed',
  Cancelled: 'Cancelled',
}

export const categoryLabels: Record<WorkOrderCategory, string> = {
  Service: 'Service',
  Connection: 'Connection',
  Disconnection: 'Disconnection',
  Reconnection: 'Reconnection',
  SpecialRead: 'Special read',
  MeterInvestigation: 'Meter investigation',
  Maintenance: 'Maintenance',
  Other: 'Other',
}

export const sourceLabels: Record<WorkOrderSource, string> = {
  Office: 'Office',
  CustomerPortal: 'Customer portal',
  Email: 'E-mail',
  Phone: 'Phone',
  Technician: 'Technician (monitoring)',
  Event: 'Event (move-in / move-out / read)',
  Partner: 'Partner system',
}

export const routingLabels: Record<RoutingKind, string> = {
  Unassigned: 'Unassigned',
  Provider: 'Service provider',
  Team: 'Team',
  WorkMarket: 'WorkMarket',
}

export const invoiceLabels: Record<InvoiceStatus, string> = {
  No: 'Not invoiced',
  Yes: 'Invoiced',
  NotRequired: 'Invoice not required',
}

export const paymentLabels = { approved: 'Payment approved', pending: 'Payment not approved' } as const
export type PaymentFilter = keyof typeof paymentLabels

export const sortLabels: Record<WorkOrderSort, string> = {
  Newest: 'Newest first',
  Oldest: 'Oldest first',
  Scheduled: 'Scheduled (earliest first)',
}

export const pageSizes = [25, 50, 100, 200] as const
export const defaultPageSize = 50

export interface WorkOrderFilter {
  q: string
  customerId: string | null
  status: WorkOrderStatus[]
  providerId: string | null
  teamId: string | null
  category: WorkOrderCategory | null
  source: WorkOrderSource | null
  routing: RoutingKind | null
  invoice: InvoiceStatus | null
  payment: PaymentFilter | null
  /** Calendar days (YYYY-MM-DD), inclusive, in the user's time zone. */
  createdFrom: string | null
  createdTo: string | null
  scheduledFrom: string | null
  scheduledTo: string | null
  /** The open queue: assigned to me, or new and unassigned. */
  mine: boolean
  sort: WorkOrderSort
  size: number
}

export const emptyFilter: WorkOrderFilter = {
  q: '',
  customerId: null,
  status: [],
  providerId: null,
  teamId: null,
  category: null,
  source: null,
  routing: null,
  invoice: null,
  payment: null,
  createdFrom: null,
  createdTo: null,
  scheduledFrom: null,
  scheduledTo: null,
  mine: false,
  sort: 'Newest',
  size: defaultPageSize,
}

/** Every query parameter this page owns (others in the URL are left alone). */
export const filterParamNames = [
  'q',
  'customerId',
  'status',
  'providerId',
  'teamId',
  'category',
  'source',
  'routing',
  'invoice',
  'payment',
  'createdFrom',
  'createdTo',
  'scheduledFrom',
  'scheduledTo',
  'mine',
  'sort',
  'size',
] as const

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const day = /^\d{4}-\d{2}-\d{2}$/

const oneOf = <T extends string>(values: readonly T[] | Record<T, unknown>, value: string | null): T | null => {
  const list = (Array.isArray(values) ? values : Object.keys(values)) as string[]
  return value !== null && list.includes(value) ? (value as T) : null
}
const id = (value: string | null) => (value && uuid.test(value) ? value : null)
const date = (value: string | null) => (value && day.test(value) && !Number.isNaN(Date.parse(value)) ? value : null)

/** The filter a URL asks for. Unknown or malformed values are ignored (an old or hand-edited link still opens). */
export function filterFromUrl(params: URLSearchParams): WorkOrderFilter {
  // `status` repeats (?status=Draft&status=Published); a comma-separated value is understood too.
  const status = [
    ...new Set(
      params
        .getAll('status')
        .flatMap((s) => s.split(','))
        .map((s) => oneOf(statusLabels, s.trim()))
        .filter((s): s is WorkOrderStatus => s !== null),
    ),
  ]
  const size = Number(params.get('size'))
  const mine = params.get('mine')
  return {
    q: (params.get('q') ?? '').trim(),
    customerId: id(params.get('customerId')),
    status,
    providerId: id(params.get('providerId')),
    teamId: id(params.get('teamId')),
    category: oneOf(categoryLabels, params.get('category')),
    source: oneOf(sourceLabels, params.get('source')),
    routing: oneOf(routingLabels, params.get('routing')),
    invoice: oneOf(invoiceLabels, params.get('invoice')),
    payment: oneOf(paymentLabels, params.get('payment')),
    createdFrom: date(params.get('createdFrom')),
    createdTo: date(params.get('createdTo')),
    scheduledFrom: date(params.get('scheduledFrom')),
    scheduledTo: date(params.get('scheduledTo')),
    mine: mine === '1' || mine === 'true',
    sort: oneOf(sortLabels, params.get('sort')) ?? 'Newest',
    size: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
  }
}

/**
 * The URL of a filter: `prev`'s parameters that are not the filter's stay, the filter's are replaced, defaults are
 * left out (so that the plain page is plain `/work-orders`).
 */
export function filterToParams(filter: WorkOrderFilter, prev: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(prev)
  for (const name of filterParamNames) next.delete(name)
  const set = (name: string, value: string | null | undefined) => {
    if (value) next.set(name, value)
  }
  set('q', filter.q.trim())
  set('customerId', filter.customerId)
  for (const s of filter.status) next.append('status', s)
  set('providerId', filter.providerId)
  set('teamId', filter.teamId)
  set('category', filter.category)
  set('source', filter.source)
  set('routing', filter.routing)
  set('invoice', filter.invoice)
  set('payment', filter.payment)
  set('createdFrom', filter.createdFrom)
  set('createdTo', filter.createdTo)
  set('scheduledFrom', filter.scheduledFrom)
  set('scheduledTo', filter.scheduledTo)
  if (filter.mine) next.set('mine', '1')
  if (filter.sort !== 'Newest') next.set('sort', filter.sort)
  if (filter.size !== defaultPageSize) next.set('size', String(filter.size))
  return next
}

/** The statuses sent to the API: "In Progress" brings the three Waiting states with it. */
export function apiStatuses(status: readonly WorkOrderStatus[]): WorkOrderStatus[] {
  const expanded = status.flatMap((s) => (s === 'InProgress' ? ['InProgress' as const, ...waitingStatuses] : [s]))
  return [...new Set(expanded)]
}

/** A calendar day as an instant: its first millisecond (`from`) or its last (`to`), in the user's time zone. */
export function dayToInstant(value: string | null, edge: 'from' | 'to'): string | undefined {
  if (!value) return undefined
  const d = new Date(`${value}T${edge === 'from' ? '00:00:00.000' : '23:59:59.999'}`)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/** The query of GET /work-orders for a filter (the arguments of the generated client, minus cursor and limit). */
export function toApiQuery(filter: WorkOrderFilter) {
  const status = apiStatuses(filter.status)
  return {
    customerId: filter.customerId ?? undefined,
    status: status.length > 0 ? status : undefined,
    routing: filter.routing ?? undefined,
    providerId: filter.providerId ?? undefined,
    teamId: filter.teamId ?? undefined,
    invoiceStatus: filter.invoice ?? undefined,
    paymentApproved: filter.payment === null ? undefined : filter.payment === 'approved',
    source: filter.source ?? undefined,
    category: filter.category ?? undefined,
    createdFrom: dayToInstant(filter.createdFrom, 'from'),
    createdTo: dayToInstant(filter.createdTo, 'to'),
    scheduledFrom: dayToInstant(filter.scheduledFrom, 'from'),
    scheduledTo: dayToInstant(filter.scheduledTo, 'to'),
    q: filter.q || undefined,
    mine: filter.mine || undefined,
    sort: filter.sort,
  }
}
export type WorkOrderApiQuery = ReturnType<typeof toApiQuery>

/** Names of the things a filter refers to by id (for the tags). */
export interface FilterNames {
  customer?: string
  provider?: string
  team?: string
}

export interface FilterTag {
  key: string
  label: string
  /** The filter without this condition. */
  without: WorkOrderFilter
}

const range = (from: string | null, to: string | null) => (from && to ? `${from} – ${to}` : from ? `from ${from}` : `until ${to}`)

/** The active conditions of a filter, one closable tag each (sort and page size are not conditions). */
export function filterTags(filter: WorkOrderFilter, names: FilterNames = {}): FilterTag[] {
  const tags: FilterTag[] = []
  const add = (key: string, label: string, without: Partial<WorkOrderFilter>) => tags.push({ key, label, without: { ...filter, ...without } })
  if (filter.q) add('q', `Search: “${filter.q}”`, { q: '' })
  if (filter.customerId) add('customerId', `Customer: ${names.customer ?? '…'}`, { customerId: null })
  for (const s of filter.status) {
    add(`status:${s}`, `Status: ${statusOptions.find((o) => o.value === s)?.label ?? s}`, { status: filter.status.filter((x) => x !== s) })
  }
  if (filter.providerId) add('providerId', `Provider: ${names.provider ?? '…'}`, { providerId: null })
  if (filter.teamId) add('teamId', `Team: ${names.team ?? '…'}`, { teamId: null })
  if (filter.category) add('category', `Category: ${categoryLabels[filter.category]}`, { category: null })
  if (filter.source) add('source', `Source: ${sourceLabels[filter.source]}`, { source: null })
  if (filter.routing) add('routing', `Routing: ${routingLabels[filter.routing]}`, { routing: null })
  if (filter.invoice) add('invoice', `Invoice: ${invoiceLabels[filter.invoice]}`, { invoice: null })
  if (filter.payment) add('payment', paymentLabels[filter.payment], { payment: null })
  if (filter.createdFrom || filter.createdTo) add('created', `Created ${range(filter.createdFrom, filter.createdTo)}`, { createdFrom: null, createdTo: null })
  if (filter.scheduledFrom || filter.scheduledTo) {
    add('scheduled', `Scheduled ${range(filter.scheduledFrom, filter.scheduledTo)}`, { scheduledFrom: null, scheduledTo: null })
  }
  if (filter.mine) add('mine', 'My queue only', { mine: false })
  return tags
}

/** The filter with every condition removed (sort and page size stay). */
export const clearedFilter = (filter: WorkOrderFilter): WorkOrderFilter => ({ ...emptyFilter, sort: filter.sort, size: filter.size })

/** A stable key of the conditions and sort (not the page size): a new key is a new result set. */
export const filterKey = (filter: WorkOrderFilter) => filterToParams({ ...filter, size: defaultPageSize }).toString()
