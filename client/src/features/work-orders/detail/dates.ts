// The scheduled window is edited with <input type="datetime-local"> (local time, no extra date library).

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO instant as the value of a datetime-local input ("2026-03-12T09:00", local time); empty when none. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A datetime-local input's value as an ISO instant (UTC); null when empty or not a date. */
export function fromLocalInput(value: string | null | undefined): string | null {
  if (!value) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}
