import type { JobDto, OutboxMessageDto, OutboxSummaryDto } from '../../api'

export const summaryDto = (over: Partial<OutboxSummaryDto> = {}): OutboxSummaryDto => ({
  pending: 0,
  failing: 0,
  deadLettered: 0,
  processedLastHour: 0,
  oldestPendingCreatedAt: null,
  byType: [],
  ...over,
})

let n = 0
/** An outbox row as GET /ops/outbox answers it (a pending e-mail, never tried, unless told otherwise). */
export const message = (over: Partial<OutboxMessageDto> = {}): OutboxMessageDto => {
  n++
  return {
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'Email',
    key: `email:opened:wo-${n}`,
    state: 'Pending',
    attempts: 0,
    createdAt: '2026-11-25T10:00:00Z',
    availableAt: '2026-11-25T10:00:00Z',
    processedAt: null,
    deadLetteredAt: null,
    lastError: null,
    ...over,
  }
}

export const outboxJob = (over: Partial<JobDto> = {}): JobDto => ({
  group: 'workorders',
  name: 'outbox-processor',
  description: null,
  jobType: 'OutboxProcessorJob',
  durable: true,
  triggers: [
    {
      group: 'workorders',
      name: 'outbox-processor',
      state: 'Normal',
      nextFireAt: '2026-11-25T10:00:05Z',
      previousFireAt: '2026-11-25T10:00:00Z',
      schedule: 'every 00:00:05',
    },
  ],
  ...over,
})
