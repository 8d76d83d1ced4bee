import type { FormInstance } from 'antd'
import { splitFieldErrors, toProblem, type Problem } from '../api/problem'

const key = (name: readonly (string | number)[]) => name.join('.')

/**
 * Puts a failed request's validation errors on the form's fields ("contact.email" → the Contact e-mail
 * field). Returns what could not be placed on a field — show it above the form.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): { problem: Problem; unplaced: string[] } {
  const problem = toProblem(error)
  const known = new Set(form.getFieldsError().map((f) => key(f.name)))
  const { fields, other } = splitFieldErrors(problem, (name) => known.has(key(name)))
  if (fields.length) {
    form.setFields(fields.map((f) => ({ name: f.name, errors: f.errors })))
    form.scrollToField(fields[0].name, { block: 'center' })
  }
  return { problem, unplaced: other }
}

/** Trims text inputs; an empty string becomes null (the API's "not given"). */
export const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
