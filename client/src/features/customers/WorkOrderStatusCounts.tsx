import { Tooltip } from 'antd'
import { Link } from 'wouter'

/** The five key work-order statuses shown per customer (In Progress includes the three Waiting states). */
export const keyStatuses = [
  { key: 'draft', status: 'Draft', label: 'Draft', short: 'Draft', color: '#8c8c8c' },
  { key: 'published', status: 'Published', label: 'Published', short: 'Publ.', color: '#1d5fbf' },
  { key: 'assigned', status: 'Assigned', label: 'Assigned', short: 'Asgn.', color: '#7a4fd1' },
  { key: 'inProgress', status: 'InProgress', label: 'In Progress', short: 'Prog.', color: '#c77700' },
  { key: 'completed', status: 'Completed', label: 'Completed', short: 'Done', color: '#2e8b57' },
] as const

export type KeyStatus = (typeof keyStatuses)[number]['key']
export type WorkOrderStatusCounts = Partial<Record<KeyStatus, number>>

/** The per-customer counts of the customers list (`workOrderCounts`); all zero until work orders exist. */
export function statusCountsOf(row: { workOrderCounts?: WorkOrderStatusCounts | null }): WorkOrderStatusCounts {
  return row.workOrderCounts ?? {}
}

export const workOrdersLink = (customerId: string, status?: string) =>
  `/work-orders?customerId=${encodeURIComponent(customerId)}${status ? `&status=${status}` : ''}`

/** Header of the counts column: the five short labels, aligned with the cells. */
export function StatusCountsHeader() {
  return (
    <div className="wo-counts wo-counts-header" aria-hidden>
      {keyStatuses.map((s) => (
        <span key={s.key} title={s.label}>
          {s.short}
        </span>
      ))}
    </div>
  )
}

/** Five clickable counts: each opens the customer's work events in that status. */
export function StatusCounts({ customerId, counts }: { customerId: string; counts: WorkOrderStatusCounts }) {
  return (
    <div className="wo-counts" role="group" aria-label="Work events by status">
      {keyStatuses.map((s) => {
        const n = counts[s.key] ?? 0
        return (
          <Tooltip key={s.key} title={`${n} ${s.label}`} mouseEnterDelay={0.4}>
            <Link
              href={workOrdersLink(customerId, s.status)}
              className={n === 0 ? 'wo-count zero' : 'wo-count'}
              style={{ ['--wo-color' as string]: s.color }}
              aria-label={`${s.label}: ${n}`}
              onClick={(e) => e.stopPropagation()}
            >
              {n}
            </Link>
          </Tooltip>
        )
      })}
    </div>
  )
}
