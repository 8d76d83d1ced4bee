// Every failure of the API, seen the same way: an RFC 9457 ProblemDetails (status, title, detail, and for
// validation failures `errors` keyed by camelCase JSON path: "name", "contact.email", "billingAddress.city").
import { ApiException } from './client'

export interface Problem {
  /** HTTP status; undefined when the server was not reached. */
  status?: number
  title: string
  detail?: string
  /** Validation errors by JSON path, as the API sent them. */
  errors: Record<string, string[]>
  traceId?: string
  /** Machine-readable rule of a 409, when the API names one. */
  rule?: string
  network?: boolean
}

interface ProblemLike {
  status?: unknown
  title?: unknown
  detail?: unknown
  errors?: unknown
  traceId?: unknown
  rule?: unknown
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

function fromProblemDetails(body: ProblemLike, status?: number): Problem {
  const errors: Record<string, string[]> = {}
  if (isObject(body.errors)) {
    for (const [key, value] of Object.entries(body.errors)) {
      const messages = Array.isArray(value) ? value.map(String) : [String(value)]
      if (messages.length) errors[key] = messages
    }
  }
  const code = typeof body.status === 'number' ? body.status : status
  return {
    status: code,
    title: typeof body.title === 'string' && body.title ? body.title : defaultTitle(code),
    detail: typeof body.detail === 'string' && body.detail ? body.detail : undefined,
    errors,
    traceId: typeof body.traceId === 'string' ? body.traceId : undefined,
    rule: typeof body.rule === 'string' ? body.rule : undefined,
  }
}

function defaultTitle(status?: number): string {
  switch (status) {
    case 400: return 'The request was not valid.'
    case 401: return 'Please sign in.'
    case 403: return 'You do not have permission to do this.'
    case 404: return 'Not found.'
    case 409: return 'The request conflicts with the current state.'
    case 412: return 'Someone else changed this record.'
    case 428: return 'The update needs the version you read.'
    default: return status && status >= 500 ? 'The server had a problem. Try again in a moment.' : 'Something went wrong.'
  }
}

/** Whatever the generated client threw (a parsed ProblemDetails, an ApiException, a network TypeError), as a Problem. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiException || (isObject(error) && error.isApiException === true)) {
    const ex = error as ApiException
    let body: unknown = ex.result
    if (!isObject(body) && ex.response) {
      try {
        body = JSON.parse(ex.response)
      } catch {
        body = undefined
      }
    }
    return fromProblemDetails(isObject(body) ? body : {}, ex.status)
  }
  if (error instanceof TypeError) {
    return { title: 'Cannot reach the server.', detail: 'Check your connection and try again.', errors: {}, network: true }
  }
  if (error instanceof Error) {
    return { title: 'Something went wrong.', detail: error.message, errors: {} }
  }
  if (isObject(error) && ('status' in error || 'title' in error || 'errors' in error)) {
    return fromProblemDetails(error)
  }
  return { title: 'Something went wrong.', errors: {} }
}

/** One line for a toast or an alert: the detail when there is one, else the title. */
export function problemMessage(problem: Problem): string {
  if (problem.status === 412) {
    return 'Someone else changed this record since you opened it. Reload it and apply your change again.'
  }
  return problem.detail ?? problem.title
}

export const isStatus = (error: unknown, status: number) => toProblem(error).status === status

/** "contact.email" → ["contact", "email"]; "$.Contact.Email" → ["contact", "email"]; "roles[0]" → ["roles", 0]. */
export function fieldPath(key: string): (string | number)[] {
  const path: (string | number)[] = []
  const trimmed = key.replace(/^\$\.?/, '')
  for (const segment of trimmed.split('.')) {
    if (!segment) continue
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment)
    const name = match ? match[1] : segment
    if (name) path.push(name.charAt(0).toLowerCase() + name.slice(1))
    for (const index of match?.[2].matchAll(/\[(\d+)\]/g) ?? []) path.push(Number(index[1]))
  }
  return path
}

export interface FieldErrors {
  /** Errors that belong to a field the form shows. */
  fields: { name: (string | number)[]; errors: string[] }[]
  /** Errors for anything else (a field the form does not show, or the request as a whole). */
  other: string[]
}

/** Splits a problem's validation errors into those of known fields and the rest. */
export function splitFieldErrors(problem: Problem, isField: (name: (string | number)[]) => boolean): FieldErrors {
  const result: FieldErrors = { fields: [], other: [] }
  for (const [key, messages] of Object.entries(problem.errors)) {
    const name = fieldPath(key)
    if (name.length > 0 && isField(name)) result.fields.push({ name, errors: messages })
    else result.other.push(...messages)
  }
  return result
}
