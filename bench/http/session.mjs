// Shared by scale.mjs and soak.mjs: the bench Admin's session and psql against the bench database.
import { spawnSync } from 'node:child_process'

/** Runs one SQL statement with psql (PG* variables, database from DATABASE); its output, trimmed. */
export function psql(sql) {
  const run = spawnSync('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-d', process.env.DATABASE, '-c', sql], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`)
  return run.stdout.trim()
}

/** Signs in EMAIL/PASSWORD at API: the session cookie header and the antiforgery token for writes. */
export async function signIn(api) {
  const response = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: process.env.EMAIL, password: process.env.PASSWORD }),
  })
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  const me = await response.json()
  return { cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), xsrf: me.antiforgeryToken }
}
