import { describe, expect, it } from 'vitest'
import { apiStatuses, emptyFilter, filterFromUrl, filterTags, filterToParams, toApiQuery, type WorkOrderFilter } from './filters'

const C = '0b7c8a52-51b4-4c5e-9a43-0a3f0b1f2c3d'
const P = '6a1f0c0e-7d3b-4a4f-8e52-1c9d2b3a4f5e'
const T = '9e8d7c6b-5a49-4383-a271-0f1e2d3c4b5a'

describe('Work Events filter ↔ URL', () => {
  it('round-trips every condition through the query string', () => {
    const filter: WorkOrderFilter = {
      q: 'boiler',
      customerId: C,
      status: ['Draft', 'InProgress'],
      providerId: P,
      teamId: T,
      category: 'SpecialRead',
      source: 'Phone',
      routing: 'Team',
      invoice: 'NotRequired',
      payment: 'pending',
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
      scheduledFrom: '2026-02-01',
      scheduledTo: '2026-02-28',
      mine: true,
      sort: 'Scheduled',
      size: 100,
    }
    const params = filterToParams(filter)
    expect(params.getAll('status')).toEqual(['Draft', 'InProgress'])
    expect(params.get('customerId')).toBe(C)
    expect(params.get('mine')).toBe('1')
    expect(filterFromUrl(new URLSearchParams(params.toString()))).toEqual(filter)
  })

  it('leaves defaults out of the URL and keeps parameters that are not the filter’s', () => {
    const params = filterToParams({ ...emptyFilter, status: ['Completed'] }, new URLSearchParams('status=Draft&q=old&tab=x'))
    expect(params.toString()).toBe('tab=x&status=Completed')
    expect(filterToParams(emptyFilter).toString()).toBe('')
  })

  it('understands the customers grid’s links (customerId + status), and comma-separated statuses', () => {
    const f = filterFromUrl(new URLSearchParams(`customerId=${C}&status=InProgress`))
    expect(f).toEqual({ ...emptyFilter, customerId: C, status: ['InProgress'] })
    expect(filterFromUrl(new URLSearchParams('status=Draft,Published')).status).toEqual(['Draft', 'Published'])
  })

  it('ignores malformed values instead of sending them to the API', () => {
    const f = filterFromUrl(new URLSearchParams('customerId=abc&status=Bogus&status=Draft&category=x&createdFrom=2026-13-45&sort=Up&size=7'))
    expect(f).toEqual({ ...emptyFilter, status: ['Draft'] })
  })

  it('asks the API for In Progress including the three Waiting states (as the customers grid counts it)', () => {
    expect(apiStatuses(['InProgress'])).toEqual(['InProgress', 'WaitingParts', 'WaitingOnVendor', 'WaitingOnCustomer'])
    expect(apiStatuses(['WaitingParts', 'InProgress'])).toEqual(['WaitingParts', 'InProgress', 'WaitingOnVendor', 'WaitingOnCustomer'])
    const q = toApiQuery({ ...emptyFilter, payment: 'approved', createdFrom: '2026-01-01', createdTo: '2026-01-01' })
    expect(q.status).toBeUndefined()
    expect(q.paymentApproved).toBe(true)
    // A calendar day covers the whole local day.
    expect(new Date(q.createdTo!).getTime() - new Date(q.createdFrom!).getTime()).toBe(24 * 3600_000 - 1)
  })

  it('makes one closable tag per condition, each removing only itself', () => {
    const f = { ...emptyFilter, customerId: C, status: ['Draft' as const, 'Published' as const], scheduledFrom: '2026-02-01' }
    const tags = filterTags(f, { customer: 'Acme Heating' })
    expect(tags.map((t) => t.label)).toEqual(['Customer: Acme Heating', 'Status: Draft', 'Status: Published', 'Scheduled from 2026-02-01'])
    expect(tags[1].without.status).toEqual(['Published'])
    expect(tags[0].without).toEqual({ ...f, customerId: null })
  })
})
