import { describe, expect, it } from 'vitest'
import { ApiException } from './client'
import { fieldPath, problemMessage, splitFieldErrors, toProblem } from './problem'

const validation = {
  type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  title: 'One or more fields are invalid.',
  status: 400,
  errors: {
    name: ["'Name' must not be empty."],
    'contact.email': ["'Email' is not a valid email address."],
    'billingAddress.city': ['Too long.'],
    cursor: ['Not a cursor.'],
  },
  traceId: '00-abc',
}

describe('toProblem', () => {
  it('reads a ProblemDetails the generated client threw (declared status)', () => {
    const p = toProblem(validation)
    expect(p.status).toBe(400)
    expect(p.errors['contact.email']).toEqual(["'Email' is not a valid email address."])
    expect(p.traceId).toBe('00-abc')
  })

  it('parses the body of an ApiException (undeclared status)', () => {
    const body = JSON.stringify({ title: 'Precondition failed.', status: 412, detail: 'Customer is at version 2, not 1.' })
    const p = toProblem(new ApiException('An unexpected server error occurred.', 412, body, {}, null))
    expect(p).toMatchObject({ status: 412, title: 'Precondition failed.', detail: 'Customer is at version 2, not 1.' })
  })

  it('gives an ApiException without a JSON body a title from its status', () => {
    const p = toProblem(new ApiException('x', 503, '<html>', {}, null))
    expect(p.status).toBe(503)
    expect(p.title).toMatch(/server/i)
  })

  it('recognises a network failure', () => {
    const p = toProblem(new TypeError('Failed to fetch'))
    expect(p.network).toBe(true)
    expect(p.status).toBeUndefined()
  })

  it('keeps the rule of a 409', () => {
    expect(toProblem({ status: 409, title: 'Conflict', detail: 'Customer is deactivated.', rule: 'CustomerMustBeActive' }).rule).toBe('CustomerMustBeActive')
  })
})

describe('problemMessage', () => {
  it('prefers the detail', () => {
    expect(problemMessage(toProblem({ status: 409, title: 'Conflict', detail: 'Customer is deactivated.' }))).toBe('Customer is deactivated.')
  })
  it('explains a 412 in the user’s words', () => {
    expect(problemMessage(toProblem({ status: 412, title: 'Precondition failed.' }))).toMatch(/someone else changed/i)
  })
})

describe('fieldPath', () => {
  it.each([
    ['name', ['name']],
    ['contact.email', ['contact', 'email']],
    ['Contact.Email', ['contact', 'email']],
    ['$.contact.email', ['contact', 'email']],
    ['billingAddress.postalCode', ['billingAddress', 'postalCode']],
    ['roles[0]', ['roles', 0]],
    ['items[2].name', ['items', 2, 'name']],
  ])('%s → %j', (key, expected) => {
    expect(fieldPath(key)).toEqual(expected)
  })
})

describe('splitFieldErrors', () => {
  it('puts errors on the fields the form has, and the rest aside', () => {
    const known = new Set(['name', 'contact.email', 'billingAddress.city'])
    const { fields, other } = splitFieldErrors(toProblem(validation), (name) => known.has(name.join('.')))
    expect(fields).toEqual([
      { name: ['name'], errors: ["'Name' must not be empty."] },
      { name: ['contact', 'email'], errors: ["'Email' is not a valid email address."] },
      { name: ['billingAddress', 'city'], errors: ['Too long.'] },
    ])
    expect(other).toEqual(['Not a cursor.'])
  })
})
