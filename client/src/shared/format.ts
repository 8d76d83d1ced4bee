import type { AddressDto } from '../api'

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: '2-digit' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—'
  // A plain date ("2026-01-31") is a calendar day: no time zone shift.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value)
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date)
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date)
}

/** Address lines for display: street / postal code + city / region, country. Empty parts are left out. */
export function addressLines(address: AddressDto | null | undefined): string[] {
  if (!address) return []
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ')
  const regionLine = [address.region, address.country].filter(Boolean).join(', ')
  return [address.street, cityLine, regionLine].filter((line): line is string => !!line)
}

export const addressOneLine = (address: AddressDto | null | undefined) => addressLines(address).join(', ')

const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** Hours for display: "1.25 h" (null: "—"). */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return `${hoursFormat.format(value)} h`
}

/** How long ago, compactly: "12 min", "5 h", "3 d". */
export function formatAge(value: string | null | undefined, now: number = Date.now()): string {
  if (!value) return '—'
  const ms = now - new Date(value).getTime()
  if (Number.isNaN(ms)) return '—'
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.floor(hours / 24)} d`
}

/** A running duration as h:mm:ss. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}
