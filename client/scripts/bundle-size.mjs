// Production bundle size, gzip: the total of dist/, and what each page downloads on a first visit
// (entry + the page's chunk + everything they import statically). `npm run size` after `npm run build`.
// Fails when a page's first load exceeds the budget (WORKORDERS_BUNDLE_BUDGET_KB, default 300); a deep
// link that also opens a lazily loaded view (side panel) is reported, not enforced.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = new URL('../dist/', import.meta.url).pathname
const budget = Number(process.env.WORKORDERS_BUNDLE_BUDGET_KB ?? 300)
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const gz = new Map()
const gzip = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length)
  return gz.get(file)
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

/** Files a chunk needs before it runs: itself, its CSS, and its static imports (transitively). */
function closure(key, files = new Set()) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return files
  files.add(chunk.file)
  for (const css of chunk.css ?? []) files.add(css)
  for (const imported of chunk.imports ?? []) closure(imported, files)
  return files
}

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name)
  return statSync(path).isDirectory() ? (name === '.vite' ? [] : walk(path)) : [path.slice(dist.length)]
})
const shipped = walk(dist).filter((f) => /\.(js|css|html)$/.test(f))
const total = shipped.reduce((sum, f) => sum + gzip(f), 0)

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)
const entry = closure(entryKey)
entry.add('index.html')
const size = (files) => [...files].reduce((sum, f) => sum + gzip(f), 0)

const rows = [['the shell (entry)', size(entry)]]
for (const page of (manifest[entryKey].dynamicImports ?? []).filter((p) => p.startsWith('src/features/'))) {
  const name = page.replace(/^src\/features\//, '')
  rows.push([name, size(closure(page, new Set(entry)))])
  const views = (manifest[page].dynamicImports ?? []).filter((l) => /(View|Panel)\.tsx$/.test(l))
  // A page that always renders a lazy view (CustomerPage → CustomerView) is measured with it; a side panel
  // opens on a click, so "page + panel" (a shared link with ?customer=…) is reported, not enforced.
  for (const view of views) {
    const panel = /Panel\.tsx$/.test(view)
    const files = closure(view, closure(page, new Set(entry)))
    rows.push([`${name} + ${view.replace(/.*\//, '')}${panel ? ' (link with the side panel open)' : ''}`, size(files), panel])
  }
}
let over = false
console.log(`Production bundle (gzip -9): total ${kb(total)} in ${shipped.length} files. What a first visit downloads (budget ${budget} KB):`)
for (const [name, bytes, informational] of rows) {
  const flag = bytes > budget * 1024 ? (informational ? '  (over budget)' : '  OVER BUDGET') : ''
  if (flag && !informational) over = true
  console.log(`  ${kb(bytes).padStart(10)}  ${name}${flag}`)
}
process.exit(over ? 1 : 0)
