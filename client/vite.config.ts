/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

// The API the dev server proxies to (`npm run dev`): the one `dotnet run --project src/Api` starts.
const api = process.env.WORKORDERS_API_URL ?? 'http://localhost:5080'

// The grid and the form engine are big; only the pages that show them should download them. Their small
// shared bits (contexts, locale, tokens) are imported by antd's core and must stay out of these chunks.
const tableModules = /node_modules[\\/](antd[\\/]es[\\/](table|pagination|tree)[\\/]|@rc-component[\\/](table|tree|pagination)[\\/])/
// Select (with its virtual list) and Radio on their own: forms pick from lists without showing a grid (the grid
// imports both too, for its pagination and row selection, so a page with a grid downloads them as before).
const selectModules = /node_modules[\\/](antd[\\/]es[\\/](select|radio)[\\/]|@rc-component[\\/](select|virtual-list)[\\/])/
// (@rc-component/form itself is imported by antd's ConfigProvider: it is core, not in this group.)
const formModules = /node_modules[\\/]antd[\\/]es[\\/]form[\\/](?!hooks)/
const inputModules = /node_modules[\\/](antd[\\/]es[\\/]input[\\/]|@rc-component[\\/](input|textarea)[\\/])/
const sharedBits = /^antd[\\/]es[\\/].*(context|Context|locale|style[\\/]|useVariants|useIcons|mergedBuiltinPlacements|usePopupRender|useShowArrow|[\\/]utils?([\\/]|\.js)|interface)|^@rc-component[\\/]form[\\/]es[\\/](index|FormContext)\.js|^@rc-component[\\/]pagination[\\/]es[\\/]locale/
const heavy = (id: string, modules: RegExp) => modules.test(id) && !sharedBits.test(id.replace(/.*node_modules[\\/]/, ''))

/** antd's Table imports its column-filter dropdown (Tree, Menu, Dropdown, …) even when no column has
 *  filters. We never use column filters: a small stub takes its place (see src/vendor/). */
function tableWithoutColumnFilters(): Plugin {
  const stub = fileURLToPath(new URL('./src/vendor/tableFilterDropdownStub.js', import.meta.url))
  return {
    name: 'workorders:table-without-column-filters',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './FilterDropdown' && importer && /antd[\\/]es[\\/]table[\\/]hooks[\\/]useFilter[\\/]index\.js$/.test(importer)) return stub
      return null
    },
  }
}

export default defineConfig({
  plugins: [react(), tableWithoutColumnFilters()],
  server: {
    port: 5173,
    strictPort: true,
    // Same origin in development too: the session and XSRF cookies (SameSite=Strict) just work.
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api },
      '/swagger': { target: api },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // Read by scripts/bundle-size.mjs (what each page downloads).
    manifest: true,
    rolldownOptions: {
      // antd's rc-component packages are side-effect-free ES modules but do not say so (no "sideEffects"
      // in their package.json): without this, every module re-exported by their index files is kept.
      treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/]@rc-component[\\/]/.test(id) },
      output: {
        // Vendor chunks by what needs them, so a page downloads only its own widgets: the shell does not
        // load the grid, the sign-in page does not load the grid, the grid does not load the form engine.
        advancedChunks: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|use-sync-external-store)[\\/]/, priority: 30 },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
            { name: 'antd-table', test: (id: string) => heavy(id, tableModules), priority: 20 },
            { name: 'antd-select', test: (id: string) => heavy(id, selectModules), priority: 20 },
            { name: 'antd-form', test: (id: string) => heavy(id, formModules), priority: 20 },
            { name: 'antd-input', test: (id: string) => heavy(id, inputModules), priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 60_000,
    reporters: ['default', './test-support/results-reporter.ts'],
  },
})
