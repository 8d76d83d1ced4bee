import type { OutboxRowState } from './api'

/** The outbox message types the API writes today (the type filter also offers any other type it has seen). */
export const knownMessageTypes = ['Email', 'WaitingOnCustomerReminder', 'WorkMarketDispatch'] as const

export const stateLabels: Record<OutboxRowState, string> = {
  Pending: 'Pending',
  Failing: 'Failing',
  Processed: 'Processed',
  DeadLettered: 'Dead-lettered',
}

export const stateColors: Record<OutboxRowState, string> = {
  Pending: 'blue',
  Failing: 'orange',
  Processed: 'green',
  DeadLettered: 'red',
}

/** Quartz trigger states (TriggerState): Normal runs on schedule, Blocked is running now, the rest need a look. */
export const triggerStateColors: Record<string, string> = {
  Normal: 'green',
  Blocked: 'blue',
  Paused: 'orange',
  Error: 'red',
  Complete: 'default',
  None: 'default',
}

const timestampFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** A time to the second ("Nov 25, 10:42:13"): ops compare events seconds apart. */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : timestampFormat.format(date)
}

/** A wall-clock time ("10:42:13"), e.g. when the dashboard was last read. */
export const formatClock = (ms: number) => clockFormat.format(new Date(ms))

/** A duration, compactly: "45 s", "12 min", "5 h 3 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}

/** How far a time is from now: "in 4 s", "12 min ago". */
export function formatRelative(value: string | null | undefined, now: number): string {
  if (!value) return ''
  const ms = new Date(value).getTime() - now
  if (Number.isNaN(ms)) return ''
  if (Math.abs(ms) < 1000) return 'now'
  return ms > 0 ? `in ${formatDuration(ms)}` : `${formatDuration(-ms)} ago`
}

/** "every 00:00:05" (a .NET TimeSpan) → "every 5 s"; cron expressions and the rest as they are. */
export function describeSchedule(schedule: string | null | undefined): string {
  if (!schedule) return '—'
  const m = /^every (?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?$/.exec(schedule)
  if (!m) return schedule
  const [, d = '0', h, min, s] = m
  return `every ${formatDuration(((Number(d) * 24 + Number(h)) * 60 * 60 + Number(min) * 60 + Number(s)) * 1000)}`
}
