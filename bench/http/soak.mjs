// bench/http/soak.mjs — the soak run of bench/soak.sh: mixed traffic against the API for a bounded time while the
// API process's memory (RSS, GC heap via /proc) and open handles are sampled; prints the samples and the trend.
// Env: API, API_PID, EMAIL, PASSWORD, MINUTES, CONNECTIONS, OUT, PGHOST/PGPORT/PGUSER/PGPASSWORD, DATABASE.
import autocannon from 'autocannon'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { psql, signIn } from './session.mjs'

const env = process.env
const api = env.API
const minutes = Number(env.MINUTES ?? 10)
const connections = Number(env.CONNECTIONS ?? 16)
const log = (...args) => console.error('[soak]', ...args)

function sample() {
  const status = readFileSync(`/proc/${env.API_PID}/status`, 'utf8')
  const kb = (name) => Number(status.split('\n').find((l) => l.startsWith(name))?.split(/\s+/)[1] ?? NaN)
  return { rssMb: Math.round(kb('VmRSS:') / 1024), threads: kb('Threads:'), handles: readdirSync(`/proc/${env.API_PID}/fd`).length }
}

const { cookie, xsrf } = await signIn(api)
const ids = psql('SELECT "Id" FROM "WorkOrders" TABLESAMPLE SYSTEM (1) LIMIT 2000').split('\n').filter(Boolean)
const customers = psql('SELECT "Id" FROM "Customers" LIMIT 200').split('\n').filter(Boolean)
const sites = new Map(psql('SELECT DISTINCT ON ("CustomerId") "CustomerId", "Id" FROM "CustomerSites" WHERE "Status" = \'Active\' LIMIT 200')
  .split('\n').filter(Boolean).map((l) => l.split('|')))
const pick = (list) => list[Math.floor(Math.random() * list.length)]
let created = 0

// Mixed: 40% work order by id, 25% filtered list, 15% customers grid, 10% comments, 10% new work orders (writes).
const requests = [{
  setupRequest: (req) => {
    const roll = Math.random()
    if (roll < 0.4) return { ...req, method: 'GET', path: `/api/v1/work-orders/${pick(ids)}` }
    if (roll < 0.65) return { ...req, method: 'GET', path: '/api/v1/work-orders?Status=Completed&InvoiceStatus=No&Limit=50' }
    if (roll < 0.8) return { ...req, method: 'GET', path: '/api/v1/customers?search=spring&limit=50' }
    if (roll < 0.9) return { ...req, method: 'GET', path: `/api/v1/work-orders/${pick(ids)}/comments` }
    const customerId = pick([...sites.keys()])
    created++
    return {
      ...req, method: 'POST', path: '/api/v1/work-orders',
      headers: { ...req.headers, 'content-type': 'application/json', 'x-xsrf-token': xsrf },
      body: JSON.stringify({ customerId, siteId: sites.get(customerId), title: `Soak ${created}`, serviceRequested: 'Soak test', category: 'Service' }),
    }
  },
}]

const samples = []
const started = Date.now()
const timer = setInterval(() => {
  const s = { minute: ((Date.now() - started) / 60000).toFixed(1), ...sample() }
  samples.push(s)
  log(`t=${s.minute} min RSS ${s.rssMb} MB, threads ${s.threads}, handles ${s.handles}`)
}, 30_000)
samples.push({ minute: '0.0', ...sample() })
const result = await autocannon({ url: api, connections, duration: minutes * 60, headers: { cookie }, requests })
clearInterval(timer)
samples.push({ minute: (minutes).toFixed(1), ...sample() })

// Trend over the second half (after warm-up): least-squares slope per minute.
const half = samples.filter((s) => Number(s.minute) >= minutes / 2)
const slope = (key) => {
  const xs = half.map((s) => Number(s.minute)), ys = half.map((s) => s[key])
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0), den = xs.reduce((a, x) => a + (x - mx) ** 2, 0)
  return den === 0 ? 0 : num / den
}
const report = [
  `# Soak — ${new Date().toISOString().slice(0, 16)}Z, ${minutes} min, ${connections} connections`,
  '',
  `Requests: ${result.requests.total.toLocaleString('en-US')} (${Math.round(result.requests.average)} req/s average), non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms.`,
  `Trend over the second half: RSS ${slope('rssMb').toFixed(2)} MB/min, handles ${slope('handles').toFixed(2)}/min, threads ${slope('threads').toFixed(2)}/min.`,
  '',
  '| minute | RSS MB | threads | open handles |',
  '|---:|---:|---:|---:|',
  ...samples.map((s) => `| ${s.minute} | ${s.rssMb} | ${s.threads} | ${s.handles} |`),
].join('\n')
writeFileSync(env.OUT, report + '\n')
console.log(report)
