// The Work Events grid: search, "Select Filters", sort, keyset "Load more", row selection incl. "select all
// matching this filter", and the bulk actions on the selection.
import { FilterOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, Badge, Button, Empty, Input, Select, Space, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType, SorterResult } from 'antd/es/table/interface'
import { lazy, useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import type { BulkAction, WorkOrderListItemDto, WorkOrderSort } from '../../../api'
import { formatDate, formatDateTime } from '../../../shared/format'
import { LazyMount } from '../../../shared/LazyMount'
import { ProblemAlert } from '../../../shared/ProblemAlert'
import { allowedBulkActions } from '../../auth/roles'
import { BulkMenu } from '../bulk/BulkMenu'
import { plural } from '../bulk/text'
import { selectAllCap, useFetchMatchingIds, useWorkOrderList } from './api'
import { categoryLabels, clearedFilter, filterTags, pageSizes, sortLabels, type FilterNames, type WorkOrderFilter } from './filters'
import { WorkOrderStatusTag } from './WorkOrderStatusTag'

// "Select Filters" (the form engine, the drawer, the pickers) loads when it is first opened.
const FilterDrawer = lazy(() => import('./FilterDrawer').then((m) => ({ default: m.FilterDrawer })))
const BulkDialog = lazy(() => import('../bulk/BulkDialog').then((m) => ({ default: m.BulkDialog })))

interface Props {
  filter: WorkOrderFilter
  names: FilterNames
  roles: readonly string[]
  canPickCustomer: boolean
  canCreate: boolean
  onFilter: (filter: WorkOrderFilter, replace?: boolean) => void
}

/** Everything matching the filter is selected (up to the cap), not only the loaded rows. */
interface AllMatching {
  count: number
  capped: boolean
}

export function WorkEventsGrid({ filter, names, roles, canPickCustomer, canCreate, onFilter }: Props) {
  const [, navigate] = useLocation()
  const list = useWorkOrderList(filter)
  const rows = list.rows
  const [text, setText] = useState(filter.q)
  const [filtersOpen, setFiltersOpen] = useState(false)
  const [filtersKey, setFiltersKey] = useState(0)
  const [selected, setSelected] = useState<string[]>([])
  const [allMatching, setAllMatching] = useState<AllMatching | null>(null)
  const [selecting, setSelecting] = useState<{ loaded: number } | null>(null)
  const [selectError, setSelectError] = useState<unknown>(null)
  const [bulkAction, setBulkAction] = useState<BulkAction | null>(null)
  const abort = useRef<AbortController | null>(null)
  const fetchMatchingIds = useFetchMatchingIds()
  const canBulk = allowedBulkActions(roles).length > 0
  const tags = filterTags(filter, names)

  useEffect(() => () => abort.current?.abort(), [])

  const select = (ids: string[]) => {
    abort.current?.abort()
    setSelecting(null)
    setAllMatching(null)
    setSelected(ids)
  }

  const selectAllMatching = async () => {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setSelectError(null)
    setSelecting({ loaded: 0 })
    try {
      const { ids, capped } = await fetchMatchingIds(filter, { signal: controller.signal, onProgress: (loaded) => setSelecting({ loaded }) })
      if (controller.signal.aborted) return
      setSelected(ids)
      setAllMatching({ count: ids.length, capped })
    } catch (error) {
      if (!controller.signal.aborted) setSelectError(error)
    } finally {
      if (!controller.signal.aborted) setSelecting(null)
    }
  }

  const selectedSet = new Set(selected)
  const allLoadedSelected = rows.length > 0 && rows.every((r) => selectedSet.has(r.id))
  const sortOrder = (key: 'number' | 'scheduled') =>
    key === 'number' ? (filter.sort === 'Newest' ? 'descend' : filter.sort === 'Oldest' ? 'ascend' : null) : filter.sort === 'Scheduled' ? 'ascend' : null

  const columns: ColumnsType<WorkOrderListItemDto> = [
    {
      title: 'Number',
      key: 'number',
      width: 118,
      sorter: true,
      sortOrder: sortOrder('number'),
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (_, row) => (
        <Link href={`/work-orders/${row.id}`} className="cell-strong wo-number">
          {row.displayNumber}
        </Link>
      ),
    },
    {
      title: 'Title',
      dataIndex: 'title',
      render: (title: string, row) => (
        <div className="cell-customer">
          <span className="ellipsis" title={title}>
            {title}
          </span>
          <span className="cell-sub">{categoryLabels[row.category] ?? row.category}</span>
        </div>
      ),
    },
    { title: 'Customer', dataIndex: 'customerName', width: 180, ellipsis: true },
    { title: 'Site', dataIndex: 'siteName', width: 150, ellipsis: true },
    { title: 'Status', dataIndex: 'status', width: 150, render: (_, row) => <WorkOrderStatusTag status={row.status} /> },
    {
      title: 'Scheduled',
      key: 'scheduled',
      width: 170,
      sorter: true,
      sortOrder: sortOrder('scheduled'),
      sortDirections: ['ascend', 'ascend'],
      render: (_, row) => (row.scheduledStart ? formatDateTime(row.scheduledStart) : <span className="muted">—</span>),
    },
    {
      title: 'Provider / team',
      key: 'assignee',
      width: 170,
      ellipsis: true,
      render: (_, row) =>
        row.providerName ? (
          row.providerName
        ) : row.teamName ? (
          <>Team: {row.teamName}</>
        ) : row.routing === 'WorkMarket' ? (
          'WorkMarket'
        ) : (
          <span className="muted">Unassigned</span>
        ),
    },
    {
      title: 'Invoice',
      key: 'invoice',
      width: 130,
      render: (_, row) => (
        <Space size={2} wrap>
          {row.invoiceStatus === 'Yes' ? (
            <Tag color="green">Invoiced</Tag>
          ) : row.invoiceStatus === 'NotRequired' ? (
            <Tag>Not required</Tag>
          ) : (
            <span className="muted" aria-label="Not invoiced">
              —
            </span>
          )}
          {row.paymentApproved && <Tag color="cyan">Paid</Tag>}
        </Space>
      ),
    },
    { title: 'Created', dataIndex: 'createdAt', width: 110, render: formatDate },
  ]

  const onSort = (sorter: SorterResult<WorkOrderListItemDto> | SorterResult<WorkOrderListItemDto>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter
    const sort: WorkOrderSort =
      s?.columnKey === 'scheduled' && s.order ? 'Scheduled' : s?.columnKey === 'number' && s.order === 'ascend' ? 'Oldest' : 'Newest'
    if (sort !== filter.sort) onFilter({ ...filter, sort })
  }

  const empty =
    tags.length > 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No work events match these filters.">
        <Button onClick={() => onFilter(clearedFilter(filter))}>Clear all filters</Button>
      </Empty>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No work events yet.">
        {canCreate && (
          <Button type="primary" onClick={() => navigate('/work-orders/new')}>
            New Work Order
          </Button>
        )}
      </Empty>
    )

  return (
    <section className="grid-card work-events" aria-label="Work events">
      <div className="grid-toolbar">
        <form
          role="search"
          className="grid-search"
          onSubmit={(e) => {
            e.preventDefault()
            onFilter({ ...filter, q: text.trim() })
          }}
        >
          <Space.Compact>
            <Input
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Number, title, service, requester"
              aria-label="Search work events"
              prefix={<SearchOutlined className="muted" />}
              style={{ width: 300 }}
            />
            <Button htmlType="submit">Search</Button>
          </Space.Compact>
        </form>
        <Badge count={tags.length} size="small" color="#1d5fbf" offset={[-4, 4]}>
          <Button
            icon={<FilterOutlined />}
            aria-haspopup="dialog"
            aria-expanded={filtersOpen}
            onClick={() => {
              setFiltersKey((k) => k + 1)
              setFiltersOpen(true)
            }}
          >
            Select Filters
          </Button>
        </Badge>
        <Select<WorkOrderSort>
          value={filter.sort}
          onChange={(sort) => onFilter({ ...filter, sort })}
          aria-label="Sort"
          options={Object.entries(sortLabels).map(([value, label]) => ({ value: value as WorkOrderSort, label }))}
          style={{ width: 210 }}
        />
        <Tooltip title="Refresh">
          <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isRefetching && !list.isFetchingNextPage} aria-label="Refresh" />
        </Tooltip>
        <div className="grow" />
        {canBulk && selected.length > 0 && (
          <Space className="selection-bar" aria-live="polite">
            <b>{selected.length.toLocaleString()} selected</b>
            <BulkMenu roles={roles} count={selected.length} onChoose={setBulkAction} />
            <Button size="small" type="link" onClick={() => select([])}>
              Clear selection
            </Button>
          </Space>
        )}
      </div>

      {tags.length > 0 && (
        <div className="filter-tags" role="group" aria-label="Active filters">
          {tags.map((t) => (
            <Tag
              key={t.key}
              closable
              onClose={(e) => {
                e.preventDefault()
                onFilter(t.without)
              }}
              closeIcon={<span aria-label={`Remove filter ${t.label}`}>×</span>}
            >
              {t.label}
            </Tag>
          ))}
          <Button size="small" type="link" onClick={() => onFilter(clearedFilter(filter))}>
            Clear all
          </Button>
        </div>
      )}

      {canBulk && (allLoadedSelected || allMatching || selecting) && (
        <SelectAllBanner
          loaded={rows.length}
          hasMore={!!list.hasNextPage}
          allMatching={allMatching}
          selecting={selecting}
          onSelectAll={selectAllMatching}
          onCancel={() => select(selected)}
          onClear={() => select([])}
        />
      )}
      {selectError !== null && (
        <ProblemAlert error={selectError} title="Could not select every matching work event" onRetry={selectAllMatching} style={{ margin: 12 }} />
      )}

      {list.isError ? (
        <ProblemAlert error={list.error} title="Could not load work events" onRetry={() => list.refetch()} style={{ margin: 12 }} />
      ) : (
        <Table<WorkOrderListItemDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          pagination={false}
          sticky
          scroll={{ x: 1350 }}
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          onChange={(_p, _f, sorter) => onSort(sorter)}
          showSorterTooltip={false}
          rowSelection={
            canBulk
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => select(keys as string[]),
                  columnWidth: 36,
                  getTitleCheckboxProps: () => ({ 'aria-label': 'Select all loaded work events' }) as never,
                  getCheckboxProps: (row) => ({ 'aria-label': `Select ${row.displayNumber}` }) as never,
                }
              : undefined
          }
          rowClassName={(row) => (row.status === 'Cancelled' ? 'row-muted' : '')}
          onRow={(row) => ({
            onClick: (e) => {
              const target = e.target as HTMLElement
              if (target.closest('a, button, input, label, .ant-checkbox-wrapper, .ant-table-selection-column')) return
              navigate(`/work-orders/${row.id}`)
            },
          })}
        />
      )}

      <footer className="grid-footer">
        <span className="muted" aria-live="polite">
          {rows.length > 0
            ? `${plural(rows.length, 'work event')} shown${list.hasNextPage ? ' · more match' : ' · all matching shown'}`
            : list.isSuccess
              ? 'No rows'
              : ''}
        </span>
        <Space>
          <Select<number>
            size="small"
            value={filter.size}
            onChange={(size) => onFilter({ ...filter, size }, true)}
            aria-label="Rows per page"
            options={pageSizes.map((n) => ({ value: n, label: `${n} / page` }))}
            style={{ width: 110 }}
        />
          <Button size="small" disabled={!list.hasNextPage || list.isPlaceholderData} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
            Load more
          </Button>
        </Space>
      </footer>

      <LazyMount when={filtersOpen}>
        <FilterDrawer
          key={filtersKey}
          open={filtersOpen}
          filter={filter}
          canPickCustomer={canPickCustomer}
          onClose={() => setFiltersOpen(false)}
          onApply={(next) => {
            setFiltersOpen(false)
            onFilter(next)
          }}
        />
      </LazyMount>
      <LazyMount when={bulkAction !== null}>
        <BulkDialog action={bulkAction} ids={selected} onClose={() => setBulkAction(null)} onSelectIds={select} />
      </LazyMount>
    </section>
  )
}

interface BannerProps {
  loaded: number
  hasMore: boolean
  allMatching: AllMatching | null
  selecting: { loaded: number } | null
  onSelectAll: () => void
  onCancel: () => void
  onClear: () => void
}

/** Gmail-style: the loaded rows are selected → offer every row matching the filter (up to the bulk limit). */
function SelectAllBanner({ loaded, hasMore, allMatching, selecting, onSelectAll, onCancel, onClear }: BannerProps) {
  const limit = selectAllCap.toLocaleString()
  let content: React.ReactNode
  if (selecting) {
    content = (
      <>
        Selecting every work event matching this filter… {selecting.loaded.toLocaleString()} so far.{' '}
        <Button size="small" type="link" onClick={onCancel}>
          Stop
        </Button>
      </>
    )
  } else if (allMatching) {
    content = (
      <>
        {allMatching.capped
          ? `The first ${limit} work events matching this filter are selected (one bulk action takes at most ${limit}).`
          : `All ${plural(allMatching.count, 'work event')} matching this filter are selected.`}{' '}
        <Button size="small" type="link" onClick={onClear}>
          Clear selection
        </Button>
      </>
    )
  } else if (hasMore) {
    content = (
      <>
        All {plural(loaded, 'loaded work event')} are selected.{' '}
        <Button size="small" type="link" onClick={onSelectAll}>
          Select all matching this filter (up to {limit})
        </Button>
      </>
    )
  } else {
    content = <>All {plural(loaded, 'work event')} matching this filter are selected.</>
  }
  return <Alert className="select-all-banner" type="info" banner showIcon={false} title={<div role="status">{content}</div>} />
}
