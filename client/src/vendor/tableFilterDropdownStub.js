// Stands in for antd's Table column-filter dropdown (antd/es/table/hooks/useFilter/FilterDropdown.js),
// which antd imports even when no column has filters and which drags in Tree, Menu, Dropdown and more
// (~25 KB gzip on every page with a grid). Our grids filter on the server (search box, status filter),
// never with column filters. See vite.config.ts (`tableWithoutColumnFilters`).
export function flattenKeys(filters) {
  let keys = []
  for (const { value, children } of filters || []) {
    keys.push(value)
    if (children) keys = keys.concat(flattenKeys(children))
  }
  return keys
}

export default function FilterDropdown() {
  throw new Error(
    'antd Table column filters are not bundled in this app (client/vite.config.ts, tableWithoutColumnFilters): filter on the server instead, or remove the plugin.',
  )
}
