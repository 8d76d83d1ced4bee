import type { BulkResultDto, WorkOrderListItemDto } from '../../../api'

export const C1 = '0b7c8a52-51b4-4c5e-9a43-0a3f0b1f2c3d'

let n = 100
/** A row of the Work Events grid. */
export const woItem = (over: Partial<WorkOrderListItemDto> = {}): WorkOrderListItemDto => {
  const number = over.number ?? ++n
  return {
    id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
    number,
    displayNumber: `WO-${String(number).padStart(6, '0')}`,
    title: `Boiler check ${number}`,
    customerId: C1,
    customerName: 'Acme Heating',
    siteId: 's1',
    siteName: 'Main plant',
    status: 'Draft',
    source: 'Office',
    category: 'Service',
    routing: 'Unassigned',
    providerId: null,
    providerName: null,
    teamId: null,
    teamName: null,
    invoiceStatus: 'No',
    paymentApproved: false,
    scheduledStart: null,
    scheduledEnd: null,
    createdAt: '2026-01-02T10:00:00Z',
    statusChangedAt: '2026-01-02T10:00:00Z',
    ...over,
  }
}

/** A bulk answer: `ok` items succeeded, the others failed with their reason. */
export const bulkResult = (
  action: BulkResultDto['action'],
  dryRun: boolean,
  items: { id: string; number: string; ok: boolean; reason?: string; status?: WorkOrderListItemDto['status'] }[],
): BulkResultDto => {
  const failed = items.filter((i) => !i.ok)
  const reasons = new Map<string, number>()
  for (const f of failed) reasons.set(f.reason!, (reasons.get(f.reason!) ?? 0) + 1)
  return {
    action,
    dryRun,
    requested: items.length,
    succeeded: items.length - failed.length,
    failed: failed.length,
    failureReasons: [...reasons].map(([reason, count]) => ({ reason, count })),
    results: items.map((i) => ({ id: i.id, number: i.number, succeeded: i.ok, reason: i.ok ? null : i.reason, status: i.status ?? 'Draft' })),
  }
}
