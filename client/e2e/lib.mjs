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
  const popover = page.locator('.ant-popover', { has: page.getByRole('button', { name: 'Sign out' }) })
  // A click while the popover still moves into place can land outside it (and just close it): wait for it to settle.
  await settled(popover)
  const loggedOut = waitForApi(page, 'POST', '/api/v1/auth/logout')
  await popover.getByRole('button', { name: 'Sign out' }).click()
  await loggedOut
  // The sign-in page, with or without a returnTo query (the session check may redirect first).
  await page.waitForURL((url) => url.pathname === '/sign-in')
}

/**
 * The response of the API request `method path` (path without the query, exact), e.g. to know that a save is
 * done before the test goes on (or closes the page, which would abort it). Start waiting BEFORE the action.
 */
export function waitForApi(page, method, path, { status } = {}) {
  return page
    .waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === path, { timeout: 30_000 })
    .then((res) => {
      if (status !== undefined && res.status() !== status) throw new Error(`${method} ${path} answered ${res.status()}, expected ${status}`)
      return res
    })
}

/**
 * Waits until the (visible) popup is done with antd's enter/leave motion (rc-motion's `*-appear`, `*-enter`,
 * `*-leave` classes): until then it moves or scales, and a click computed on it may hit something else.
 */
export async function settled(locator) {
  await locator.waitFor({ state: 'visible' })
  const handle = await locator.elementHandle()
  await locator.page().waitForFunction((el) => !/-(appear|enter|leave)\b/.test(String(el.className)), handle)
  await handle.dispose()
}

/** The open antd dropdown of a Select (its listbox is `<input id>_list`), after its motion. Opens it if needed. */
export async function openSelect(page, select) {
  const id = await select.getAttribute('id')
  if (!id) throw new Error('the Select has no id')
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${id}_list"])`)
  if (!(await dropdown.isVisible())) {
    await select.click()
    await dropdown.waitFor({ state: 'visible' })
  }
  await settled(dropdown)
  return dropdown
}

/**
 * Picks the option `title` of an antd Select (the input: getByLabel / getByRole('combobox')). With `search`, types it
 * and waits until the list shows only options that contain it (server-side searches answer later: never click an
 * option of the previous list). A single select closes after the pick; a multiple one stays open: `closeBy` (e.g. the
 * dialog's title) is clicked to close it. `prefix`: the option's title starts with `title` (e.g. "name · e-mail").
 */
export async function pickOption(page, select, title, { search, closeBy, prefix = false } = {}) {
  const dropdown = await openSelect(page, select)
  const id = await select.getAttribute('id')
  if (search) {
    await select.fill(search)
    await page.waitForFunction(
      ([id, search, title, prefix]) => {
        const list = document.getElementById(`${id}_list`)?.closest('.ant-select-dropdown')
        const options = [...(list?.querySelectorAll('.ant-select-item-option') ?? [])]
        const text = (o) => (o.getAttribute('title') ?? o.textContent ?? '').toLowerCase()
        const matches = (o) => (prefix ? (o.getAttribute('title') ?? '').startsWith(title) : o.getAttribute('title') === title)
        return options.some(matches) && options.every((o) => text(o).includes(search.toLowerCase()))
      },
      [id, search, title, prefix],
    )
  }
  const quoted = `"${title.replace(/["\\]/g, '\\$&')}"`
  await dropdown.locator(`.ant-select-item-option[title${prefix ? '^' : ''}=${quoted}]`).click()
  const multiple = await select.evaluate((el) => !!el.closest('.ant-select-multiple'))
  if (!multiple) await dropdown.waitFor({ state: 'hidden' })
  else if (closeBy) {
    await closeBy.click()
    await dropdown.waitFor({ state: 'hidden' })
  }
}

/** Clicks the item `name` of the antd dropdown menu open now (after its motion). */
export async function clickMenuItem(page, name) {
  // Exactly this item ("Activate" is not "Deactivate"), with or without the label of its icon in front.
  const exactly = new RegExp(`(^|\\s)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)', { has: page.getByRole('menuitem', { name: exactly }) })
  await settled(menu)
  await menu.getByRole('menuitem', { name: exactly }).click()
  await menu.waitFor({ state: 'hidden' })
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
