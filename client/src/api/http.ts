// The one place that talks HTTP for the generated client (./client.ts): window.fetch with the session
// cookie (same-origin) and, on every write, the antiforgery header the API requires of cookie callers.

export const XSRF_COOKIE = 'XSRF-TOKEN'
export const XSRF_HEADER = 'X-XSRF-TOKEN'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** Per-client extras: headers for every request (e.g. If-Match), and a look at every response (e.g. its ETag). */
export interface HttpOptions {
  headers?: Record<string, string>
  onResponse?: (response: Response) => void
}

/** The value of a cookie readable by script (the API's XSRF-TOKEN is deliberately not HttpOnly). */
export function readCookie(name: string, cookies: string = globalThis.document?.cookie ?? ''): string | null {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(value)
      } catch {
        return value
      }
    }
  }
  return null
}

/**
 * Wraps a fetch: `credentials: 'same-origin'`, the X-XSRF-TOKEN header (from the XSRF-TOKEN cookie) on
 * POST/PUT/PATCH/DELETE, the extra headers of `options`, and `options.onResponse` for every response.
 */
export function createApiFetch(
  base: Fetch = (input, init) => globalThis.fetch(input, init),
  options: HttpOptions = {},
  readToken: () => string | null = () => readCookie(XSRF_COOKIE),
): Fetch {
  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = new Headers(init.headers)
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
    if (!SAFE_METHODS.has(method) && !headers.has(XSRF_HEADER)) {
      const token = readToken()
      if (token) headers.set(XSRF_HEADER, token)
    }
    const response = await base(input, { ...init, method, headers, credentials: 'same-origin' })
    options.onResponse?.(response)
    return response
  }
}
