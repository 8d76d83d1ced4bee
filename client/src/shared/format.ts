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
