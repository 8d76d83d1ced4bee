import { describe, expect, it, vi } from 'vitest'
import { createApiFetch, readCookie, XSRF_HEADER } from './http'

const ok = (_input?: RequestInfo | URL, _init?: RequestInit) => Promise.resolve(new Response('{}', { status: 200, headers: { ETag: '"3"' } }))

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=abc%3D%3D; b=2')).toBe('abc==')
  })
  it('answers null when the cookie is absent', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKENX=2')).toBeNull()
  })
})

describe('createApiFetch (the fetch the generated client uses)', () => {
  it('sends the session cookie (credentials: same-origin)', async () => {
    const base = vi.fn(ok)
    await createApiFetch(base, {}, () => 'tok')('/api/v1/customers')
    expect(base.mock.calls[0][1]?.credentials).toBe('same-origin')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('adds X-XSRF-TOKEN from the cookie to %s', async (method) => {
    const base = vi.fn(ok)
    await createApiFetch(base, {}, () => 'tok')('/api/v1/customers', { method })
    expect(new Headers(base.mock.calls[0][1]?.headers).get(XSRF_HEADER)).toBe('tok')
  })

  it('does not add the token to GET', async () => {
    const base = vi.fn(ok)
    await createApiFetch(base, {}, () => 'tok')('/api/v1/customers', { method: 'GET' })
    expect(new Headers(base.mock.calls[0][1]?.headers).has(XSRF_HEADER)).toBe(false)
  })

  it('sends no token header when there is no cookie (signed out)', async () => {
    const base = vi.fn(ok)
    await createApiFetch(base, {}, () => null)('/api/v1/auth/login', { method: 'POST' })
    expect(new Headers(base.mock.calls[0][1]?.headers).has(XSRF_HEADER)).toBe(false)
  })

  it('keeps the generated headers and adds the extra ones (If-Match)', async () => {
    const base = vi.fn(ok)
    await createApiFetch(base, { headers: { 'If-Match': '"7"' } }, () => 'tok')('/api/v1/customers/1', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    })
    const headers = new Headers(base.mock.calls[0][1]?.headers)
    expect(headers.get('If-Match')).toBe('"7"')
    expect(headers.get('Content-Type')).toBe('application/json')
    expect(headers.get(XSRF_HEADER)).toBe('tok')
  })

  it('shows every response to onResponse (for the ETag)', async () => {
    const seen: string[] = []
    await createApiFetch(ok, { onResponse: (r) => seen.push(r.headers.get('ETag') ?? '') })('/x')
    expect(seen).toEqual(['"3"'])
  })

  it('reads the token from document.cookie by default', async () => {
    document.cookie = 'XSRF-TOKEN=from-cookie; path=/'
    const base = vi.fn(ok)
    await createApiFetch(base)('/api/v1/auth/logout', { method: 'post' })
    expect(new Headers(base.mock.calls[0][1]?.headers).get(XSRF_HEADER)).toBe('from-cookie')
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
  })
})
