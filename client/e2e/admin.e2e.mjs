// The Admin's sections in a real browser against the real API: service providers (add, edit with If-Match,
// a team), users (a Dispatcher who then signs in and sees no administration), and partner API keys (shown once,
// used from outside the browser with X-Api-Key, revoked).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { baseUrl, callApi, clickMenuItem, launchBrowser, pickOption, saveArtifact, screenshot, signIn, unique, waitForApi } from './lib.mjs'

const titleOf = (dialog) => dialog.locator('.ant-modal-title')

describe('administration (Admin, in Chromium)', () => {
  let browser
  let page
  const provider = { name: unique('Polar Plumbing'), email: 'jobs@polar-plumbing.test', phone: '+1 555 0142' }
  const renamed = `${provider.name} Ltd`
  const teamName = unique('North crew')
  const dispatcher = {
    email: `dispatch.${Date.now().toString(36)}@workorders.test`,
    name: 'Dora Dispatch',
    password: 'Dora!Dispatch-2345',
  }
  const keyName = unique('Globex ERP')
  let providerId
  let customerId
  let apiKey

  before(async () => {
    browser = await launchBrowser()
    page = browser.context.pages()[0] ?? (await browser.context.newPage())
    await page.goto('/sign-in')
    await signIn(page)
  })
  after(async () => {
    if (browser?.errors.length) saveArtifact('admin-page-errors.txt', browser.errors.join('\n'))
    await browser?.close()
  })

  it('adds a service provider', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Service Providers' }).click()
    await page.waitForURL('**/service-providers')
    await page.getByRole('heading', { name: 'Service Providers' }).waitFor()

    await page.getByRole('button', { name: 'Add provider' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Add service provider' })
    await dialog.waitFor()
    await dialog.getByLabel('Name', { exact: true }).fill(provider.name)
    await pickOption(page, dialog.getByLabel('Kind'), 'External technician')
    await dialog.getByLabel('E-mail').fill('jobs(at)polar')
    await dialog.getByLabel('Phone').fill(provider.phone)
    await dialog.getByRole('button', { name: 'Add provider' }).click()
    // The e-mail format is the server's rule: its 400 answer is shown under the field.
    await dialog.locator('.ant-form-item-has-error').getByText(/email/i).waitFor()
    await screenshot(page, 'admin-01-provider-validation')
    await dialog.getByLabel('E-mail').fill(provider.email)
    await dialog.getByRole('button', { name: 'Add provider' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('textbox', { name: 'Search providers by name' }).fill(provider.name)
    await page.getByRole('textbox', { name: 'Search providers by name' }).press('Enter')
    const row = page.locator('tbody tr[data-row-key]', { hasText: provider.name })
    await row.waitFor()
    assert.match(await row.innerText(), /External technician[\s\S]*jobs@polar-plumbing\.test[\s\S]*Active/)
    providerId = await row.getAttribute('data-row-key')
    await screenshot(page, 'admin-02-provider-added')
  })

  it('edits the provider (If-Match: the version read), and deactivates and reactivates it', async () => {
    await page.getByRole('button', { name: `Edit ${provider.name}` }).click()
    const dialog = page.getByRole('dialog', { name: `Edit “${provider.name}”` })
    await dialog.waitFor()
    assert.equal(await dialog.getByLabel('E-mail').inputValue(), provider.email)
    await dialog.getByLabel('Name', { exact: true }).fill(renamed)
    await screenshot(page, 'admin-03-provider-edit')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`tr[data-row-key="${providerId}"]`, { hasText: renamed }).waitFor()
    const saved = await callApi(page, 'GET', `/api/v1/service-providers/${providerId}`)
    assert.equal(saved.body.name, renamed)
    assert.equal(saved.body.version, 2)

    const row = page.locator(`tr[data-row-key="${providerId}"]`)
    const deactivated = waitForApi(page, 'PUT', `/api/v1/service-providers/${providerId}`)
    await row.getByRole('button', { name: `More actions for ${renamed}` }).click()
    await clickMenuItem(page, 'Deactivate')
    assert.equal((await deactivated).status(), 200)
    await row.getByText('Deactivated').waitFor()
    const activated = waitForApi(page, 'PUT', `/api/v1/service-providers/${providerId}`)
    await row.getByRole('button', { name: `More actions for ${renamed}` }).click()
    await clickMenuItem(page, 'Activate')
    assert.equal((await activated).status(), 200)
    await row.getByText('Active', { exact: true }).waitFor()
    const after = await callApi(page, 'GET', `/api/v1/service-providers/${providerId}`)
    assert.equal(after.body.isActive, true)
    assert.equal(after.body.version, 4)
  })

  it('creates a team with that provider', async () => {
    await page.getByRole('tab', { name: 'Teams' }).click()
    await page.waitForURL((url) => url.searchParams.get('tab') === 'teams')
    await page.getByRole('button', { name: 'New team' }).click()
    const dialog = page.getByRole('dialog', { name: 'New team' })
    await dialog.getByLabel('Team name').fill(teamName)
    await pickOption(page, dialog.getByLabel('Members'), `${renamed} · External technician`, { search: renamed, closeBy: titleOf(dialog) })
    await screenshot(page, 'admin-04-new-team')
    await dialog.getByRole('button', { name: 'Create team' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const members = page.getByRole('list', { name: `Members of ${teamName}` })
    await members.getByText(renamed).waitFor()
    const teams = await callApi(page, 'GET', '/api/v1/service-provider-teams')
    assert.deepEqual(teams.body.find((t) => t.name === teamName)?.memberIds, [providerId])
    await screenshot(page, 'admin-05-teams')
  })

  it('creates a Dispatcher user (the password rule of the API shows on the field)', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click()
    await page.waitForURL('**/users')
    await page.getByRole('button', { name: 'Add user' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add user' })
    await dialog.getByLabel('E-mail').fill(dispatcher.email)
    await dialog.getByLabel('Display name').fill(dispatcher.name)
    await dialog.getByLabel('Password').fill('nosymbolsorcaps1')
    await pickOption(page, dialog.getByLabel('Roles'), 'Dispatcher', { closeBy: titleOf(dialog) })
    await dialog.getByRole('button', { name: 'Add user' }).click()
    const passwordError = dialog.locator('.ant-form-item-has-error', { has: page.getByLabel('Password') })
    await passwordError.locator('.ant-form-item-explain').waitFor()
    assert.match(await passwordError.innerText(), /Passwords must/)
    await screenshot(page, 'admin-06-user-password-rule')

    await dialog.getByLabel('Password').fill(dispatcher.password)
    await dialog.getByRole('button', { name: 'Add user' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('tbody tr', { hasText: dispatcher.email })
    await row.waitFor()
    assert.match(await row.innerText(), /Dora Dispatch[\s\S]*Dispatcher[\s\S]*Allowed/)
    await screenshot(page, 'admin-07-users')
  })

  it('the new Dispatcher signs in (a fresh browser) and sees no Users or API Keys', async () => {
    const other = await launchBrowser()
    try {
      const p = other.context.pages()[0] ?? (await other.context.newPage())
      await p.goto('/sign-in')
      await signIn(p, dispatcher.email, dispatcher.password)
      const nav = p.getByRole('navigation', { name: 'Main' })
      await nav.waitFor()
      const text = await nav.innerText()
      assert.match(text, /Service Providers/)
      assert.doesNotMatch(text, /Users|API Keys|Administration/)
      // Providers are read-only for a dispatcher.
      await nav.getByRole('link', { name: 'Service Providers' }).click()
      await p.locator(`tr[data-row-key="${providerId}"]`).waitFor()
      assert.equal(await p.getByRole('button', { name: 'Add provider' }).count(), 0)
      assert.equal(await p.getByRole('button', { name: `Edit ${renamed}` }).count(), 0)
      await screenshot(p, 'admin-08-dispatcher-nav')
      await p.goto('/api-keys')
      await p.getByText('No access').waitFor()
      assert.deepEqual(other.errors, [], 'no uncaught errors in the dispatcher’s page')
    } finally {
      await other.close()
    }
  })

  it('creates an API key for a customer, shown once; it reads the customer with X-Api-Key (200)', async () => {
    const customerName = unique('Globex Utilities')
    const created = await callApi(page, 'POST', '/api/v1/customers', {
      name: customerName,
      contact: { name: 'Gina Globex', email: 'gina@globex.test' },
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    customerId = created.body.id

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API Keys' }).click()
    await page.waitForURL('**/api-keys')
    await page.getByRole('button', { name: 'New API key' }).click()
    const dialog = page.getByRole('dialog', { name: 'New API key' })
    await dialog.getByLabel('Name', { exact: true }).fill(keyName)
    await pickOption(page, dialog.getByLabel('Customers'), customerName, { search: customerName, closeBy: titleOf(dialog) })
    await dialog.getByRole('button', { name: 'Create key' }).click()

    const shown = page.getByRole('dialog', { name: `API key “${keyName}” created` })
    await shown.waitFor()
    assert.match(await shown.getByRole('alert').innerText(), /you will not see it again/)
    apiKey = await shown.getByLabel('API key').inputValue()
    assert.ok(apiKey.length > 20, 'the key is shown')
    await shown.getByRole('button', { name: 'Copy key' }).waitFor()
    await screenshot(page, 'admin-09-api-key-shown-once')
    await shown.getByRole('button', { name: /I have copied the key|Done/ }).click()
    await shown.waitFor({ state: 'hidden' })
    assert.equal(await page.getByText(apiKey).count(), 0, 'the key is not on the page any more')

    const row = page.locator('tbody tr', { hasText: keyName })
    await row.getByText(customerName).waitFor()
    assert.match(await row.innerText(), /Never[\s\S]*Active/)

    const res = await fetch(`${baseUrl}/api/v1/customers/${customerId}`, { headers: { 'X-Api-Key': apiKey, Accept: 'application/json' } })
    assert.equal(res.status, 200)
    assert.equal((await res.json()).name, customerName)
    await screenshot(page, 'admin-10-api-keys')
  })

  it('revokes the key after confirmation: the partner gets 401', async () => {
    const row = page.locator('tbody tr', { hasText: keyName })
    await row.getByRole('button', { name: `Revoke ${keyName}` }).click()
    const confirm = page.getByRole('dialog', { name: `Revoke “${keyName}”?` })
    await confirm.waitFor()
    await screenshot(page, 'admin-11-revoke-confirm')
    await confirm.getByRole('button', { name: 'Revoke key' }).click()
    await row.getByText(/^Revoked/).waitFor()
    assert.equal(await row.getByRole('button', { name: `Revoke ${keyName}` }).count(), 0)

    const res = await fetch(`${baseUrl}/api/v1/customers/${customerId}`, { headers: { 'X-Api-Key': apiKey, Accept: 'application/json' } })
    assert.equal(res.status, 401)
    await screenshot(page, 'admin-12-api-key-revoked')
    assert.deepEqual(browser.errors, [], 'no uncaught errors in the page')
  })
})
