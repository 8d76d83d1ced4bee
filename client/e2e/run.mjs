#!/usr/bin/env node
// Browser tests against the REAL API: `npm run e2e`.
//
//  1. builds the SPA when dist/ is missing or older than its sources (WORKORDERS_E2E_SKIP_BUILD=1 skips);
//  2. starts the API (`dotnet run --project ../src/Api -c Release`, or WORKORDERS_E2E_API_DLL=<built dll>)
//     on 127.0.0.1 with a free port, a fresh temporary SQLite folder and a known bootstrap Admin, serving
//     client/dist (Spa:Path); waits for /health/ready;
//  3. runs e2e/*.e2e.mjs with node's test runner (Debian Chromium through playwright-core: WORKORDERS_CHROMIUM,
//     default /usr/bin/chromium), screenshots in e2e/artifacts/;
//  4. stops the API, deletes the data folder, writes "N passed, N failed" to $WORKORDERS_RESULTS_FILE.
import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const client = resolve(here, '..')
const repo = resolve(client, '..')
const artifacts = join(here, 'artifacts')
const resultsFile = process.env.WORKORDERS_RESULTS_FILE
mkdirSync(artifacts, { recursive: true })

const log = (...args) => console.log('[e2e]', ...args)
const report = (passed, failed) => {
  log(`${passed} passed, ${failed} failed`)
  if (resultsFile) appendFileSync(resultsFile, `${passed} passed, ${failed} failed\n`)
}

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function buildSpaIfNeeded() {
  const index = join(client, 'dist', 'index.html')
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'nswag.json', '../openapi.json']
    .map((p) => newestMtime(join(client, p)))
  const stale = !existsSync(index) || Math.max(...sources) > statSync(index).mtimeMs
  if (!stale || process.env.WORKORDERS_E2E_SKIP_BUILD === '1') return log('SPA build is up to date')
  log('building the SPA (npm run build) …')
  const built = spawnSync('npm', ['run', 'build'], { cwd: client, stdio: 'inherit' })
  if (built.status !== 0) throw new Error('npm run build failed')
}

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer()
    server.unref()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => ok(port))
    })
  })

async function startApi() {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'workorders-e2e-'))
  const admin = { email: 'e2e.admin@workorders.test', password: 'E2e!Admin-2345678' }
  const env = {
    ...process.env,
    Urls: baseUrl,
    ASPNETCORE_URLS: baseUrl,
    Database__Provider: 'Sqlite',
    Database__DataDirectory: dataDir,
    WorkOrders__Bootstrap__AdminEmail: admin.email,
    WorkOrders__Bootstrap__AdminPassword: admin.password,
    Spa__Path: join(client, 'dist'),
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
  }
  const dll = process.env.WORKORDERS_E2E_API_DLL
  const [command, args] = dll
    ? ['dotnet', [dll, '--urls', baseUrl, '--contentRoot', join(repo, 'src', 'Api')]]
    : ['dotnet', ['run', '--project', join(repo, 'src', 'Api'), '-c', 'Release', '--no-launch-profile', '--', '--urls', baseUrl]]
  log(`starting the API: ${command} ${args.join(' ')}`)
  const apiLog = createWriteStream(join(artifacts, 'api.log'))
  // Its own process group, so that stopping it stops `dotnet run` and the app it started.
  const api = spawn(command, args, { cwd: repo, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  api.stdout.pipe(apiLog)
  api.stderr.pipe(apiLog)
  let exited = null
  api.on('exit', (code) => (exited = code ?? -1))

  const deadline = Date.now() + Number(process.env.WORKORDERS_E2E_START_TIMEOUT_MS ?? 240_000)
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`the API exited with code ${exited} before it was ready (see e2e/artifacts/api.log)`)
    try {
      const res = await fetch(`${baseUrl}/health/ready`)
      if (res.ok) {
        log(`API ready at ${baseUrl} (data in ${dataDir})`)
        return { api, baseUrl, dataDir, admin }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the API did not become ready in time (see e2e/artifacts/api.log)')
}

function stopApi(server) {
  if (!server) return
  try {
    process.kill(-server.api.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  const started = Date.now()
  while (server.api.exitCode === null && server.api.signalCode === null && Date.now() - started < 10_000) spawnSync('sleep', ['0.2'])
  try {
    process.kill(-server.api.pid, 'SIGKILL')
  } catch {
    // stopped
  }
  rmSync(server.dataDir, { recursive: true, force: true })
}

let server
let passed = 0
let failed = 0
try {
  buildSpaIfNeeded()
  server = await startApi()
  Object.assign(process.env, {
    WORKORDERS_E2E_BASE_URL: server.baseUrl,
    WORKORDERS_E2E_ADMIN_EMAIL: server.admin.email,
    WORKORDERS_E2E_ADMIN_PASSWORD: server.admin.password,
    WORKORDERS_E2E_ARTIFACTS: artifacts,
  })
  const files = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs')).sort().map((f) => join(here, f))
  const stream = run({ files, concurrency: false, timeout: 10 * 60_000 })
  stream.on('test:pass', (event) => {
    if (event.details?.type !== 'suite') passed++
  })
  stream.on('test:fail', (event) => {
    if (event.details?.type !== 'suite') failed++
  })
  await new Promise((done) => {
    const out = stream.compose(spec)
    out.pipe(process.stdout)
    out.on('end', done)
    out.on('close', done)
  })
} catch (error) {
  console.error('[e2e] setup failed:', error.message)
  failed++
} finally {
  stopApi(server)
  report(passed, failed)
}
process.exit(failed > 0 ? 1 : 0)
