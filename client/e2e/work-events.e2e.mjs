// The Work Events page in a real browser against the real API: filter through "Select Filters" (the URL holds
// it, the list shows only matching rows, a row opens the work event, Back restores the filter), and a bulk
// Publish on every work event matching the filter: dry-run preview → Confirm → per-item results → select failed.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { callApi, clickMenuItem, launchBrowser, pickOption, saveArtifact, screenshot, signIn, unique } from './lib.mjs'

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

/** A customer with one site, through the API (set-up, not under test). */
async function seedCustomer(page, name) {
  const created = await callApi(page, 'POST', '/api/v1/customers', {
    name,
    contact: { name: 'Dana Field', email: `dana.${Date.now()}@example.test` },
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const site = await callApi(page, 'POST', `/api/v1/customers/${created.body.id}/sites`, { name: `${name} — plant` })
  assert.equal(site.status, 201, JSON.stringify(site.body))
  return { id: created.body.id, siteId: site.body.id, name }
}

/** `count` office work orders (Draft) for a customer, in order; returns their ids. */
async function seedWorkOrders(page, customer, count, title) {
  const ids = []
  for (let i = 1; i <= count; i++) {
    const res = await callApi(page, 'POST', '/api/v1/work-orders', {
      customerId: customer.id,
      siteId: customer.siteId,
      title: `${title} ${i}`,
      serviceRequested: 'Inspect and service',
      category: 'Service',
    })
    assert.equal(res.status, 201, JSON.stringify(res.body))
    ids.push(res.body.id)
  }
  return ids
}

describe('work events (office staff, in Chromium)', () => {
  let browser
  let page
  let acme
  let borealis
  const total = 30
  const alreadyPublished = 3

  before(async () => {
    browser = await launchBrowser()
    page = browser.context.pages()[0] ?? (await browser.context.newPage())
    await page.goto('/sign-in')
    await signIn(page)
    acme = await seedCustomer(page, unique('Acme Utilities'))
    borealis = await seedCustomer(page, unique('Borealis Water'))
    const acmeIds = await seedWorkOrders(page, acme, total, 'Meter check')
    await seedWorkOrders(page, borealis, 2, 'Leak report')
    // A few are published already: the bulk Publish must skip them, with the reason.
    const published = await callApi(page, 'POST', '/api/v1/work-orders/bulk', { action: 'Publish', ids: acmeIds.slice(0, alreadyPublished), dryRun: false })
    assert.equal(published.status, 200, JSON.stringify(published.body))
    assert.equal(published.body.succeeded, alreadyPublished)
  })
  after(async () => {
    if (browser?.errors.length) saveArtifact('work-events-page-errors.txt', browser.errors.join('\n'))
    await browser?.close()
  })

  it('filters by customer in Select Filters: the URL holds it, only matching rows show, a row opens, Back restores', async () => {
    await page.goto('/work-orders?size=25')
    await page.getByRole('heading', { name: 'Work Events' }).waitFor()
    await page.locator('.work-events tbody tr[data-row-key]').first().waitFor()

    await page.getByRole('button', { name: /Select Filters/ }).click()
    const drawer = page.getByRole('dialog', { name: 'Select Filters' })
    await drawer.waitFor()
    // The customers are searched on the server (any part of the name, any case): pickOption waits for its answer.
    await pickOption(page, drawer.getByLabel('Customer'), acme.name, { search: `ities ${acme.name.split(' ').pop()}`.toUpperCase() })
    const selectedText = (id) => drawer.locator(id).evaluate((el) => el.closest('.ant-select').textContent)
    assert.equal(await selectedText('#wo-filters_customerId'), acme.name)
    // Status: a multiple select (stays open between picks); its options are in a virtual list of its own dropdown.
    const status = drawer.getByLabel('Status', { exact: true })
    await pickOption(page, status, 'Draft')
    await drawer.locator('.ant-select-selection-item', { hasText: 'Draft' }).waitFor()
    await pickOption(page, status, 'Published', { closeBy: drawer.locator('.ant-drawer-title') })
    await drawer.locator('.ant-select-selection-item', { hasText: 'Published' }).waitFor()
    await screenshot(page, 'work-events-01-select-filters')
    await drawer.getByRole('button', { name: 'Apply' }).click()

    await page.waitForURL((url) => url.searchParams.get('customerId') === acme.id)
    const url = new URL(page.url())
    assert.deepEqual(url.searchParams.getAll('status'), ['Draft', 'Published'])
    assert.equal(url.searchParams.get('size'), '25')
    const tags = page.getByRole('group', { name: 'Active filters' })
    await tags.getByText(`Customer: ${acme.name}`).waitFor()

    const rows = page.locator('.work-events tbody tr[data-row-key]')
    await page.waitForFunction((name) => {
      const trs = [...document.querySelectorAll('.work-events tbody tr[data-row-key]')]
      return trs.length === 25 && trs.every((tr) => tr.textContent.includes(name))
    }, acme.name)
    for (const text of await rows.allInnerTexts()) {
      assert.match(text, new RegExp(acme.name))
      assert.doesNotMatch(text, /Borealis/)
    }
    // The 26th–30th arrive with "Load more" (keyset paging).
    await page.getByRole('button', { name: 'Load more' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.work-events tbody tr[data-row-key]').length === 30)
    assert.equal(await page.getByRole('button', { name: 'Load more' }).isDisabled(), true)
    await screenshot(page, 'work-events-02-filtered')

    const first = rows.first()
    const id = await first.getAttribute('data-row-key')
    await first.locator('td').nth(2).click() // the title cell
    await page.waitForURL((u) => u.pathname === `/work-orders/${id}`)
    assert.match(new URL(page.url()).pathname, new RegExp(`^/work-orders/${uuid.source}$`))

    await page.goBack()
    await page.waitForURL((u) => u.pathname === '/work-orders' && u.searchParams.get('customerId') === acme.id)
    await tags.getByText(`Customer: ${acme.name}`).waitFor()
  })

  it('publishes every work event matching the filter after a dry-run preview, then selects the failed ones', async () => {
    // Oldest first: the three already published (the first created) are on the first page.
    await page.goto(`/work-orders?customerId=${acme.id}&size=25&sort=Oldest`)
    await page.locator('.work-events tbody tr[data-row-key]').first().waitFor()

    await page.getByRole('checkbox', { name: 'Select all loaded work events' }).check()
    await page.getByText('All 25 loaded work events are selected.').waitFor()
    await page.getByRole('button', { name: 'Select all matching this filter (up to 10,000)' }).click()
    await page.getByText(`All ${total} work events matching this filter are selected.`).waitFor()
    await page.getByText(`${total} selected`, { exact: true }).waitFor()

    await page.getByRole('button', { name: `Bulk actions on ${total} selected` }).click()
    await clickMenuItem(page, 'Publish')
    const dialog = page.getByRole('dialog', { name: `Publish — ${total} work events` })
    const preview = dialog.getByTestId('bulk-preview')
    await preview.waitFor()
    const summary = await preview.getByRole('status').innerText()
    assert.match(summary, new RegExp(`^${total - alreadyPublished} will publish, ${alreadyPublished} skipped`))
    assert.match(summary, /Published: cannot publish/)
    // A dry run changes nothing.
    const drafts = await callApi(page, 'GET', `/api/v1/work-orders?CustomerId=${acme.id}&Status=Draft&Limit=200`)
    assert.equal(drafts.body.items.length, total - alreadyPublished)
    await screenshot(page, 'work-events-03-bulk-preview')

    await dialog.getByRole('button', { name: `Confirm: Publish ${total - alreadyPublished} work events` }).click()
    const results = dialog.getByTestId('bulk-results')
    await results.waitFor()
    assert.equal(await results.getByRole('status').innerText(), `${total - alreadyPublished} succeeded, ${alreadyPublished} failed`)
    const failedRows = results.locator('tbody tr[data-row-key]')
    assert.equal(await failedRows.count(), alreadyPublished)
    for (const text of await failedRows.allInnerTexts()) assert.match(text, /Failed[\s\S]*Published: cannot publish/)
    await screenshot(page, 'work-events-04-bulk-results')

    await results.getByRole('button', { name: `Select failed (${alreadyPublished})` }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText(`${alreadyPublished} selected`, { exact: true }).waitFor()
    assert.equal(await page.locator('.work-events tbody tr.ant-table-row-selected').count(), alreadyPublished)

    // Done for real, and the grid was refreshed.
    const published = await callApi(page, 'GET', `/api/v1/work-orders?CustomerId=${acme.id}&Status=Published&Limit=200`)
    assert.equal(published.body.items.length, total)
    await page.waitForFunction(() => ![...document.querySelectorAll('.work-events tbody tr[data-row-key]')].some((tr) => tr.textContent.includes('Draft')))
    await screenshot(page, 'work-events-05-failed-selected')
  })
})
