// bench/http/scale.mjs — the scenarios of bench/scale.sh: each API scenario under autocannon, then the same work in
// raw SQL under pgbench on the same database (the limit), side by side. Run by scale.sh, which sets:
//   API (base URL), API_PID, EMAIL, PASSWORD, PGHOST/PGPORT/PGUSER/PGPASSWORD, DATABASE, DURATION (s), OUT (Markdown file),
//   REVISION, MACHINE (text), BULK_TABLE (Markdown of the bulk benchmark, optional)
import autocannon from 'autocannon'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { psql, signIn } from './session.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const sqlDir = resolve(here, '..', 'sql')
const env = process.env
const api = env.API
const duration = Number(env.DURATION ?? 10)
const pgbench = env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench'
const log = (...args) => console.error('[scale]', ...args)

const cursor = (position) => Buffer.from(JSON.stringify(position)).toString('base64url')

/** Resident set size of the API process in MB (from /proc). */
function rssMb() {
  try {
    const line = readFileSync(`/proc/${env.API_PID}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))
    return Math.round(Number(line.split(/\s+/)[1]) / 1024)
  } catch {
    return NaN
  }
}

async function http(scenario, cookie) {
  // Warm-up: JIT, connection pool, caches; not counted.
  await autocannon({ url: api, connections: scenario.connections, duration: 2, headers: { cookie }, requests: scenario.requests })
  let peakRss = rssMb()
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 250)
  const result = await autocannon({ url: api, connections: scenario.connections, duration, headers: { cookie }, requests: scenario.requests })
  clearInterval(sampler)
  const bad = result.non2xx + result.errors + result.timeouts
  if (bad > 0 || result.requests.total === 0) throw new Error(`${scenario.name}: ${bad} failed requests of ${result.requests.total}`)
  return { rps: result.requests.average, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, rss: peakRss, total: result.requests.total }
}

function raw(scenario) {
  const pgbenchRun = (seconds) => {
    const logs = mkdtempSync(join(tmpdir(), 'scale-pgbench-'))
    const args = ['-n', '-M', 'extended', '-c', String(scenario.connections), '-j', '2', '-T', String(seconds), '-f', join(sqlDir, scenario.sql),
      '--log', `--log-prefix=${join(logs, 'tx')}`, ...Object.entries(scenario.vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]), env.DATABASE]
    const run = spawnSync(pgbench, args, { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`pgbench ${scenario.sql}: ${run.stderr}`)
    // Per-transaction log lines: client_id transaction_no time_us script_no time_epoch time_us
    const micros = readdirSync(logs).flatMap((f) => readFileSync(join(logs, f), 'utf8').trim().split('\n')).map((l) => Number(l.split(' ')[2]))
    rmSync(logs, { recursive: true, force: true })
    return { tps: Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1]), micros: micros.sort((a, b) => a - b) }
  }
  pgbenchRun(2) // warm-up, as for the API
  const { tps, micros } = pgbenchRun(duration)
  const at = (q) => micros[Math.min(micros.length - 1, Math.floor(q * micros.length))] / 1000
  return { rps: tps, p50: at(0.5), p97_5: at(0.975), p99: at(0.99), total: micros.length }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–')

const { cookie } = await signIn(api)
const total = Number(psql('SELECT count(*) FROM "WorkOrders"'))
const deepAfter = Number(psql('SELECT "Number" FROM "WorkOrders" WHERE NOT "IsDeleted" ORDER BY "Number" DESC LIMIT 1 OFFSET 500000'))
psql('DROP TABLE IF EXISTS bench_ids; CREATE TABLE bench_ids AS SELECT row_number() OVER () AS n, id FROM (SELECT "Id" AS id FROM "WorkOrders" TABLESAMPLE SYSTEM (2) WHERE NOT "IsDeleted" LIMIT 10000) s; ALTER TABLE bench_ids ADD PRIMARY KEY (n)')
const ids = psql('SELECT id FROM bench_ids ORDER BY n').split('\n')
log(`${total.toLocaleString('en-US')} work orders; deep page after WO ${deepAfter}; ${ids.length} random ids`)

const get = (path) => [{ method: 'GET', path }]
const scenarios = [
  {
    name: 'Customers grid: search + five status counts, page of 50',
    connections: 8,
    requests: get('/api/v1/customers?search=spring&limit=50'),
    sql: 'grid.sql', vars: { term: '%SPRING%' },
  },
  {
    name: 'Work-order list, three filters, keyset page of 50',
    connections: 8,
    requests: get('/api/v1/work-orders?Status=Completed&InvoiceStatus=No&Category=Maintenance&Limit=50'),
    sql: 'list.sql', vars: { status: 'Completed', invoice: 'No', category: 'Maintenance' },
  },
  {
    name: 'Work-order list, deep page (after 500,000 rows)',
    connections: 8,
    requests: get(`/api/v1/work-orders?Limit=50&Cursor=${cursor({ N: deepAfter, S: null, Sort: 0 })}`),
    sql: 'list-deep.sql', vars: { after: deepAfter },
  },
  {
    name: 'GET work order by id (random of 10,000), 64 connections',
    connections: 64,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/work-orders/${ids[Math.floor(Math.random() * ids.length)]}` }) }],
    sql: 'by-id.sql', vars: { ids: ids.length },
  },
]

const rows = []
for (const scenario of scenarios) {
  log(`${scenario.name}: API …`)
  const a = await http(scenario, cookie)
  log(`${scenario.name}: raw SQL …`)
  const r = raw(scenario)
  rows.push({ scenario, a, r })
  log(`  API ${fmt(a.rps, 0)} req/s p50 ${a.p50} ms p97.5 ${a.p97_5} ms | SQL ${fmt(r.rps, 0)} tx/s p50 ${fmt(r.p50)} ms p97.5 ${fmt(r.p97_5)} ms`)
}

const table = [
  '| scenario | conns | API req/s | SQL tx/s | throughput API/SQL | API p50 ms | SQL p50 ms | API p97.5 ms | SQL p97.5 ms | latency ratio (p97.5) | API RSS MB |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(({ scenario, a, r }) =>
    `| ${scenario.name} | ${scenario.connections} | ${fmt(a.rps, 0)} | ${fmt(r.rps, 0)} | ${fmt(a.rps / r.rps, 2)} | ${fmt(a.p50)} | ${fmt(r.p50)} | ${fmt(a.p97_5)} | ${fmt(r.p97_5)} | ${fmt(a.p97_5 / r.p97_5, 2)}× | ${a.rss} |`),
]
const report = [
  `# Scale benchmark — ${new Date().toISOString().slice(0, 16)}Z`,
  '',
  `Measured by \`bench/scale.sh\` on ${env.MACHINE ?? 'this machine'}; ${env.REVISION ?? ''}.`,
  `Database: ${total.toLocaleString('en-US')} work orders (bench/WorkOrders.Bench seed). Each scenario: ${duration} s under autocannon`,
  `(after a 2 s warm-up), then the same SQL under pgbench -M extended with the same number of connections for ${duration} s.`,
  'autocannon reports p97.5 rather than p95: p97.5 ≥ p95, so a p95 target met by p97.5 is met.',
  '',
  ...table,
  '',
  env.BULK_TABLE ? `## Bulk (10,000 work orders per request, on the same database)\n\n${env.BULK_TABLE}` : '',
].join('\n')
writeFileSync(env.OUT, report + '\n')
console.log(report)
