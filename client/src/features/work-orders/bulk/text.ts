// What the bulk dialog says: the action's name, its verb, and the summaries of a preview and of a result.
import type { BulkAction, BulkItemResultDto, BulkResultDto } from '../../../api'

export const bulkActionLabels: Record<BulkAction, string> = {
  Publish: 'Publish',
  AssignProvider: 'Assign to service provider…',
  AssignTeam: 'Assign to team…',
  SendToWorkMarket: 'Send to WorkMarket',
  Complete: 'Complete…',
  Cancel: 'Cancel…',
  Delete: 'Delete',
  MarkInvoiced: 'Mark invoiced',
  MarkInvoiceNotRequired: 'Mark invoice not required',
  ApprovePayment: 'Approve payment',
}

/** Dialog titles and confirm buttons: "Publish", "Assign", … */
export const bulkActionTitles: Record<BulkAction, string> = {
  Publish: 'Publish',
  AssignProvider: 'Assign to service provider',
  AssignTeam: 'Assign to team',
  SendToWorkMarket: 'Send to WorkMarket',
  Complete: 'Complete',
  Cancel: 'Cancel',
  Delete: 'Delete',
  MarkInvoiced: 'Mark invoiced',
  MarkInvoiceNotRequired: 'Mark invoice not required',
  ApprovePayment: 'Approve payment',
}

/** "12 will publish", "12 will be assigned", … */
const willVerb: Record<BulkAction, string> = {
  Publish: 'will publish',
  AssignProvider: 'will be assigned',
  AssignTeam: 'will be assigned to the team',
  SendToWorkMarket: 'will be sent to WorkMarket',
  Complete: 'will be completed',
  Cancel: 'will be cancelled',
  Delete: 'will be deleted',
  MarkInvoiced: 'will be marked invoiced',
  MarkInvoiceNotRequired: 'will be marked invoice not required',
  ApprovePayment: 'will be approved for payment',
}

/** Actions that change things no one can simply undo from the grid. */
export const dangerousActions: ReadonlySet<BulkAction> = new Set(['Delete', 'Cancel'])

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`

export interface ReasonGroup {
  reason: string
  count: number
  items: BulkItemResultDto[]
}

/** The failures of a result grouped by reason (the server's order: most frequent first), with their items. */
export function reasonGroups(result: BulkResultDto): ReasonGroup[] {
  const failed = result.results.filter((r) => !r.succeeded)
  const byReason = new Map<string, BulkItemResultDto[]>()
  for (const item of failed) {
    const reason = item.reason ?? 'failed'
    byReason.set(reason, [...(byReason.get(reason) ?? []), item])
  }
  const order = result.failureReasons.map((r) => r.reason)
  return [...byReason.entries()]
    .map(([reason, items]) => ({ reason, count: items.length, items }))
    .sort((a, b) => (order.indexOf(a.reason) + 1 || Infinity) - (order.indexOf(b.reason) + 1 || Infinity) || b.count - a.count)
}

/**
 * The one-line summary of a dry run: "12 will publish, 3 skipped: Published: cannot publish (allowed from Draft)" —
 * the reason inline when there is one, else the groups are listed under it.
 */
export function previewSummary(result: BulkResultDto): string {
  const head = `${result.succeeded.toLocaleString()} ${willVerb[result.action]}`
  if (result.failed === 0) return head
  const groups = result.failureReasons
  const reason = groups.length === 1 ? `: ${groups[0].reason}` : ''
  return `${head}, ${result.failed.toLocaleString()} skipped${reason}`
}

/** The summary of a real run: "12 succeeded, 3 failed". */
export function resultSummary(result: BulkResultDto): string {
  return `${result.succeeded.toLocaleString()} succeeded, ${result.failed.toLocaleString()} failed`
}

/** The ids that failed (to select them again and retry), without duplicates. */
export const failedIds = (result: BulkResultDto) => [...new Set(result.results.filter((r) => !r.succeeded).map((r) => r.id))]
