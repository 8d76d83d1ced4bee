// One work order's life in a real browser against the real API: open it through the form, land on its page
// (Draft, only the allowed actions), publish, assign to a provider, start; see the history; add a line item and
// a comment; run the timer; find it in the open-work queue; the customer's credit-hour bank.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { callApi, launchBrowser, pickOption, saveArtifact, screenshot, signIn, unique, waitForApi } from './lib.mjs'

describe('work order (office staff and technician work, in Chromium)', () => {
  let browser
  let page
  const customerName = unique('Contoso Utilities')
  const providerName = unique('Pat Provider')
  const title = unique('Meter reads zero')
  let customerId
  let workOrderId
  let number

  const actions = () => page.getByRole('group', { name: 'Status actions' })
  const actionNames = async () => (await actions().getByRole('button').allInnerTexts()).map((t) => t.trim())
  const statusTag = () => page.locator('.page-header .status-tag')
  /** Waits until the status actions are exactly these (they follow the work order read after each step). */
  const expectActions = async (expected) => {
    try {
      await page.waitForFunction((expected) => {
        const group = document.querySelector('[role="group"][aria-label="Status actions"]')
        const names = [...(group?.querySelectorAll('button') ?? [])].map((b) => b.innerText.trim())
        return JSON.stringify(names) === JSON.stringify(expected)
      }, expected)
    } catch {
      assert.deepEqual(await actionNames(), expected)
    }
  }

  before(async () => {
    browser = await launchBrowser()
    page = browser.context.pages()[0] ?? (await browser.context.newPage())
    await page.goto('/sign-in')
    await signIn(page)
    await page.waitForURL('**/queue')

    // Set-up through the real API: a customer with one site, and a service provider who is the signed-in user
    // (so that the assigned work is in "my" queue).
    const me = await callApi(page, 'GET', '/api/v1/auth/me')
    const customer = await callApi(page, 'POST', '/api/v1/customers', {
      name: customerName,
      contact: { name: 'Casey Contact', email: 'casey@contoso.test', phone: null },
      billingAddress: { street: '1 Grid Way', city: 'Springfield', region: null, postalCode: null, country: 'US' },
    })
    assert.equal(customer.status, 201, JSON.stringify(customer.body))
    customerId = customer.body.id
    const site = await callApi(page, 'POST', `/api/v1/customers/${customerId}/sites`, { name: 'Substation 4' })
    assert.equal(site.status, 201, JSON.stringify(site.body))
    const provider = await callApi(page, 'POST', '/api/v1/service-providers', {
      name: providerName,
      email: 'pat.provider@workorders.test',
      kind: 'InternalTechnician',
      userId: me.body.id,
    })
    assert.equal(provider.status, 201, JSON.stringify(provider.body))
  })
  after(async () => {
    if (browser?.errors.length) saveArtifact('work-order-page-errors.txt', browser.errors.join('\n'))
    await browser?.close()
  })

  it('opens a work order through the form and lands on its page: Draft, with only the allowed actions', async () => {
    await page.goto(`/work-orders/new?customerId=${customerId}`)
    await page.getByRole('heading', { name: 'New Work Order' }).waitFor()
    // The customer is preselected and its only active site chosen.
    await page.locator('.ant-select').getByTitle(customerName, { exact: true }).waitFor()
    await page.locator('.ant-select').getByTitle('Substation 4', { exact: true }).waitFor()
    await page.getByLabel('Title').fill(title)
    await page.getByLabel('Service requested').fill('The meter shows zero consumption since Monday')
    await page.getByLabel('Instructions').fill('Ring the bell at gate B')
    await screenshot(page, 'wo-01-new-work-order-form')
    await page.getByRole('button', { name: 'Open work order' }).click()

    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/)
    workOrderId = page.url().split('/').pop()
    const heading = page.getByRole('heading', { level: 1 })
    await heading.waitFor()
    number = (await heading.innerText()).match(/WO-\d{6}/)?.[0]
    assert.ok(number, 'the heading shows the work-order number')
    assert.match(await heading.innerText(), new RegExp(title))
    assert.equal((await statusTag().innerText()).trim(), 'Draft')
    await expectActions(['Publish', 'Cancel work order…'])
    assert.match(await page.getByTestId('work-order-details').innerText(), /Ring the bell at gate B/)
    await screenshot(page, 'wo-02-draft')
  })

  it('publishes, assigns to a provider and starts the work; each step changes the allowed actions', async () => {
    await actions().getByRole('button', { name: 'Publish' }).click()
    await statusTag().filter({ hasText: 'Published' }).waitFor()
    await expectActions(['Assign…', 'Cancel work order…'])

    await actions().getByRole('button', { name: 'Assign…' }).click()
    const dialog = page.getByRole('dialog', { name: `Assign ${number}` })
    // Searched on the server: pickOption waits for the answer to the search before it picks.
    await pickOption(page, dialog.getByRole('combobox', { name: 'Service provider' }), `${providerName} · `, { search: providerName.split(' ')[0], prefix: true })
    await screenshot(page, 'wo-03-assign-dialog')
    await dialog.getByRole('button', { name: 'Assign' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await statusTag().filter({ hasText: 'Assigned' }).waitFor()
    await page.getByTestId('work-order-details').getByText(`Service provider: ${providerName}`).waitFor()

    await actions().getByRole('button', { name: 'Start work' }).click()
    await statusTag().filter({ hasText: 'In Progress' }).waitFor()
    await expectActions(['Wait for parts…', 'Wait on vendor…', 'Wait on customer…', 'Complete…', 'Cancel work order…'])
    await screenshot(page, 'wo-04-in-progress')
  })

  it('shows the status history: who, when, why', async () => {
    const history = page.getByTestId('history-tab')
    await history.locator('tbody tr', { hasText: 'Started' }).waitFor()
    const rows = await history.locator('tbody tr').allInnerTexts()
    assert.equal(rows.length, 4, rows.join('\n'))
    assert.match(rows[0], /Started/)
    assert.match(rows[1], new RegExp(`Assigned[\\s\\S]*Assigned to ${providerName}`))
    assert.match(rows[2], /Published/)
    assert.match(rows[3], /Opened[\s\S]*Opened from Office/)
    await screenshot(page, 'wo-05-history')
  })

  it('adds a line item (pending the customer’s approval) and a comment', async () => {
    await page.getByRole('tab', { name: /Line items/ }).click()
    await page.waitForURL((url) => url.searchParams.get('tab') === 'line-items')
    await page.getByRole('button', { name: 'Add line item' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add line item' })
    await dialog.getByLabel('Description').fill('Replace the meter register')
    await dialog.getByLabel('Labour hours (est.)').fill('1.5')
    await dialog.getByLabel('Parts cost').fill('80')
    await dialog.getByLabel('Hourly rate').fill('60')
    await dialog.getByRole('button', { name: 'Add line item' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.getByTestId('line-items-tab').locator('tbody tr', { hasText: 'Replace the meter register' })
    await row.waitFor()
    assert.match(await row.innerText(), /1\.5 h[\s\S]*80\.00[\s\S]*60\.00[\s\S]*170\.00[\s\S]*Pending/)
    await screenshot(page, 'wo-06-line-item')

    await page.getByRole('tab', { name: /Comments/ }).click()
    await page.getByLabel('Add a comment').fill('Customer confirmed access for Thursday.')
    await page.getByRole('button', { name: 'Add comment' }).click()
    await page.getByTestId('comments-tab').getByText('Customer confirmed access for Thursday.').waitFor()
    await page.getByRole('tab', { name: 'Comments (1)' }).waitFor()
    await screenshot(page, 'wo-07-comment')
  })

  it('starts and stops my timer: running state with the elapsed time, then a time entry', async () => {
    await page.getByRole('tab', { name: 'Time & billing' }).click()
    const timer = page.getByTestId('timer')
    await timer.getByRole('button', { name: /Start timer/ }).click()
    await timer.getByRole('button', { name: /Stop timer/ }).waitFor()
    const elapsed = timer.getByLabel('Elapsed time')
    // At least 2 s on the clock (a busy machine may show the running timer late, already past 0:00:09).
    await page.waitForFunction(() => /^0:00:(0[2-9]|[1-5]\d)$|^0:(0[1-9]|[1-5]\d):\d\d$/.test(document.querySelector('.timer-elapsed')?.textContent ?? ''))
    assert.match(await elapsed.innerText(), /^\d+:\d{2}:\d{2}$/) // h:mm:ss
    const entries = page.locator('[data-testid="time-billing-tab"] tbody tr')
    await entries.filter({ hasText: 'Running' }).waitFor()
    await screenshot(page, 'wo-08-timer-running')

    const stopped = waitForApi(page, 'POST', `/api/v1/work-orders/${workOrderId}/timer/stop`)
    await timer.getByRole('button', { name: /Stop timer/ }).click()
    assert.ok((await stopped).ok(), 'the timer stopped')
    await timer.getByRole('button', { name: /Start timer/ }).waitFor()
    await entries.filter({ hasText: /\d h/ }).first().waitFor()
    assert.equal(await entries.filter({ hasText: 'Running' }).count(), 0)
    const api = await callApi(page, 'GET', `/api/v1/work-orders/${workOrderId}/time-entries`)
    assert.equal(api.body.length, 1)
    assert.equal(api.body[0].isRunning, false)
    assert.match(await page.getByTestId('hours').innerText(), /Worked[\s\S]*h/)
    await screenshot(page, 'wo-09-timer-stopped')
  })

  it('lists the work order in my open-work queue', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My Queue' }).click()
    await page.waitForURL('**/queue')
    const link = page.getByRole('link', { name: number, exact: true })
    await link.waitFor()
    const row = page.locator('tbody tr', { has: link })
    assert.match(await row.innerText(), new RegExp(`${title}[\\s\\S]*${customerName}[\\s\\S]*In Progress`))
    assert.match(await page.getByTestId('queue-summary').innerText(), /In Progress/)
    await screenshot(page, 'wo-10-queue')
    await link.click()
    await page.waitForURL(`**/work-orders/${workOrderId}`)
  })

  it('records purchased credit hours on the customer’s Credit hours tab', async () => {
    await page.goto(`/customers/${customerId}?tab=credit-hours`)
    const tab = page.getByTestId('credit-hours-tab')
    await tab.getByText('No purchases or debits yet.').waitFor()
    await tab.getByRole('button', { name: /Purchase hours/ }).click()
    const dialog = page.getByRole('dialog', { name: `Purchase hours for ${customerName}` })
    await dialog.getByLabel('Hours').fill('10')
    await dialog.getByLabel('Reference (optional)').fill('PO-2026-01')
    await dialog.getByRole('button', { name: 'Record purchase' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await tab.locator('tbody tr', { hasText: 'PO-2026-01' }).waitFor()
    assert.match(await tab.innerText(), /Balance[\s\S]*10 h/)
    await screenshot(page, 'wo-11-credit-hours')
    assert.deepEqual(browser.errors, [], 'no uncaught errors in the page')
  })
})
