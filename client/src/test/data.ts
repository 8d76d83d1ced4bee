import type { CustomerDto, CustomerListItemDto, DeactivationResultDto, SiteDto } from '../api'

export const customer = (over: Partial<CustomerDto> = {}): CustomerDto => ({
  id: 'c1',
  name: 'Acme Heating',
  description: 'Boilers and heat pumps',
  billingAddress: { street: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
  contact: { name: 'Ann Smith', email: 'ann@acme.test', phone: '+1 555 0100' },
  status: 'Active',
  createdAt: '2026-01-02T10:00:00Z',
  version: 1,
  ...over,
})

export const listItem = (over: Partial<CustomerListItemDto> = {}): CustomerListItemDto => ({
  id: 'c1',
  name: 'Acme Heating',
  description: 'Boilers and heat pumps',
  status: 'Active',
  contactName: 'Ann Smith',
  contactEmail: 'ann@acme.test',
  contactPhone: null,
  city: 'Springfield',
  createdAt: '2026-01-02T10:00:00Z',
  workOrderCounts: { draft: 0, published: 0, assigned: 0, inProgress: 0, completed: 0 },
  ...over,
})

export const site = (over: Partial<SiteDto> = {}): SiteDto => ({
  id: 's1',
  customerId: 'c1',
  name: 'Main plant',
  address: { street: null, city: 'Springfield', region: null, postalCode: null, country: null },
  contact: { name: 'Ann Smith', email: 'ann@acme.test', phone: null },
  status: 'Active',
  createdAt: '2026-01-03T10:00:00Z',
  version: 1,
  ...over,
})

export const dryRun = (over: Partial<DeactivationResultDto> = {}): DeactivationResultDto => ({
  customerId: 'c1',
  dryRun: true,
  reason: "Customer 'Acme Heating' deactivated",
  changes: [
    { kind: 'sites', change: 'deactivated', count: 2, items: [{ id: 's1', name: 'Main plant' }, { id: 's2', name: 'Warehouse' }] },
    { kind: 'contracts', change: 'cancelled', count: 1, items: [{ id: 'k1', name: 'C-1 Service' }] },
  ],
  ...over,
})

export const validationProblem = (errors: Record<string, string[]>) => ({
  type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  title: 'One or more fields are invalid.',
  status: 400,
  errors,
})
