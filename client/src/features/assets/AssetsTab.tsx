import { PlusOutlined } from '@ant-design/icons'
import { Button, Select, Table, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, useMemo, useState } from 'react'
import type { AssetDto, CustomerDto } from '../../api'
import { LazyMount } from '../../shared/LazyMount'
import { formatDate } from '../../shared/format'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { useSites } from '../sites/api'
import { useAssets } from './api'

const AddAssetDialog = lazy(() => import('./AddAssetDialog'))

export function AssetsTab({ customer, canEdit }: { customer: CustomerDto; canEdit: boolean }) {
  const [siteFilter, setSiteFilter] = useState<string | null>(null)
  const sites = useSites(customer.id)
  const assets = useAssets(customer.id, siteFilter)
  const [adding, setAdding] = useState(false)
  const siteNames = useMemo(() => new Map(sites.rows.map((s) => [s.id, s.name])), [sites.rows])
  const activeSites = sites.rows.filter((s) => s.status === 'Active')
  const canAdd = customer.status === 'Active' && activeSites.length > 0

  const columns: ColumnsType<AssetDto> = [
    { title: 'Equipment', dataIndex: 'name', render: (n: string) => <span className="cell-strong">{n}</span> },
    { title: 'Model', dataIndex: 'model', render: (v?: string | null) => v || <span className="muted">—</span> },
    { title: 'Serial number', dataIndex: 'serialNumber', render: (v?: string | null) => (v ? <code>{v}</code> : <span className="muted">—</span>) },
    { title: 'Site', dataIndex: 'siteId', render: (id: string) => siteNames.get(id) ?? <span className="muted">…</span> },
    { title: 'Added', dataIndex: 'createdAt', width: 120, render: formatDate },
  ]

  return (
    <div data-testid="assets-tab">
      <div className="tab-toolbar">
        <Select
          size="small"
          style={{ width: 240 }}
          value={siteFilter ?? ''}
          onChange={(v) => setSiteFilter(v || null)}
          aria-label="Filter by site"
          options={[{ value: '', label: 'All sites' }, ...sites.rows.map((s) => ({ value: s.id, label: s.name }))]}
        />
        {canEdit && (
          <Tooltip title={canAdd ? undefined : customer.status !== 'Active' ? 'Only active customers get new assets' : 'Add an active site first'}>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!canAdd}>
              Add asset
            </Button>
          </Tooltip>
        )}
      </div>
      {assets.isError ? (
        <ProblemAlert error={assets.error} onRetry={() => assets.refetch()} />
      ) : (
        <Table<AssetDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={assets.rows}
          loading={assets.isPending}
          pagination={false}
          locale={{ emptyText: siteFilter ? 'No assets at this site.' : 'No assets yet.' }}
          footer={
            assets.hasNextPage
              ? () => (
                  <Button size="small" onClick={() => assets.fetchNextPage()} loading={assets.isFetchingNextPage}>
                    Load more
                  </Button>
                )
              : undefined
          }
        />
      )}
      <LazyMount when={adding}>
        <AddAssetDialog
          customer={customer}
          sites={activeSites}
          defaultSiteId={siteFilter ?? (activeSites.length === 1 ? activeSites[0].id : undefined)}
          open={adding}
          onClose={() => setAdding(false)}
        />
      </LazyMount>
    </div>
  )
}
