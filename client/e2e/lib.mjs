// Shared helpers of the browser tests (run by e2e/run.mjs, which starts the API and sets the environment).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

export const baseUrl = process.env.WORKORDERS_E2E_BASE_URL ?? 'http://127.0.0.1:5080'
export const adminEmail = process.env.WORKORDERS_E2E_ADMIN_EMAIL ?? 'admin@workorders.local'
export const adminPassword = process.env.WORKORDERS_E2E_ADMIN_PASSWORD ?? 'Admin!2345678'
const artifacts = process.env.WORKORDERS_E2E_ARTIFACTS ?? new URL('./artifacts', import.meta.url).pathname

/** Debian Chromium (never a downloaded browser) with a fresh profile in a temporary --user-data-dir. */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'workorders-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.WORKORDERS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    baseURL: baseUrl,
    locale: 'en-US',
    timezoneId: 'UTC',
  })
  context.setDefaultTimeout(15_000)
  const errors = []
  context.on('weberror', (e) => errors.push(e.error().message))
  return {
    context,
    errors,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export async function screenshot(page, name) {
  await page.waitForTimeout(250) // let antd's motion settle
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false })
}

export function saveArtifact(name, data) {
  writeFileSync(join(artifacts, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2))
}

export async function signIn(page, email = adminEmail, password = adminPassword) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

export async function signOut(page) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  // The sign-in page, with or without a returnTo query (the session check may redirect first).
  await page.waitForURL((url) => url.pathname === '/sign-in')
}

/**
 * Calls the API as the signed-in user of this page (its cookie and XSRF token): for test set-up that has no
 * page of its own yet (users, work orders). Everything under test goes through the UI.
 */
export async function callApi(page, method, path, body) {
  return page.evaluate(
    async ([method, path, body]) => {
      const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.slice(11) ?? '')
      const res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    [method, path, body],
  )
}

export const unique = (prefix) => `${prefix} ${Date.now().toString(36).slice(-5)}`
