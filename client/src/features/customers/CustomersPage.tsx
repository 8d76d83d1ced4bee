import { CopyOutlined, MoreOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Dropdown, Empty, Input, Select, Space, Table, Tooltip, type InputRef } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Link, useLocation, useSearchParams } from 'wouter'
import type { CustomerListItemDto, CustomerStatus } from '../../api'
import { formatDate } from '../../shared/format'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { StatusTag } from '../../shared/StatusTag'
import { useMe } from '../auth/hooks'
import { canEditCustomers } from '../auth/roles'
import { LazyMount } from '../../shared/LazyMount'
import { listFilterFromUrl, pageSizes, useCustomerList } from './api'
import { useConfirmReactivate } from './useReactivate'
import { customerTabs, type CustomerTab } from './tabs'
import { StatusCounts, StatusCountsHeader, statusCountsOf, workOrdersLink } from './WorkOrderStatusCounts'
import { useFeedback } from '../../shared/feedback'

// The side panel loads when first opened: the grid's first render stays light.
const CustomerPanel = lazy(() => import('./CustomerPanel'))
const DeactivateCustomerDialog = lazy(() => import('./DeactivateCustomerDialog').then((m) => ({ default: m.DeactivateCustomerDialog })))

const parseTab = (value: string | null): CustomerTab => ((customerTabs as readonly string[]).includes(value ?? '') ? (value as CustomerTab) : 'sites')

let firstRenderMarked = false
/** A performance mark when the grid first shows data (read by the browser tests: first-render time). */
function markFirstRender() {
  if (firstRenderMarked) return
  firstRenderMarked = true
  performance.mark('workorders:customers-grid-rendered')
}

/** All Customers: search (any part of the name), status filter, keyset paging, and the customer side panel. */
export default function CustomersPage() {
  const me = useMe().data!
  const canEdit = canEditCustomers(me.roles)
  const [location, navigate] = useLocation()
  const [params, setParams] = useSearchParams()
  const { search: q, status, limit: size } = listFilterFromUrl(params)
  const selectedId = params.get('customer')
  const tab = parseTab(params.get('tab'))
  // Once opened, the panel stays mounted so that closing it animates.
  const [panelUsed, setPanelUsed] = useState(!!selectedId)
  if (selectedId && !panelUsed) setPanelUsed(true)

  /** The URL is the state: search, filter, page size and the open customer are shareable links. */
  const update = (changes: Record<string, string | null>, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v)
          else next.delete(k)
        }
        return next
      },
      { replace },
    )

  const linkTo = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    const search = next.toString()
    return search ? `${location}?${search}` : location
  }

  return (
    <div className="customers-page">
      <PageHeader
        title="All Customers"
        subTitle="Search by any part of the name. Select a customer to see its sites, contracts and assets."
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
              Add New
            </Button>
          )
        }
      />
      <CustomerGrid
        key={`${q}|${status}|${size}`}
        q={q}
        status={status}
        size={size}
        selectedId={selectedId}
        canEdit={canEdit}
        onSearch={(value) => update({ q: value.trim() || null, customer: null, tab: null })}
        onStatus={(value) => update({ status: value, customer: null, tab: null })}
        onSize={(value) => update({ size: value === 50 ? null : String(value) }, true)}
        onOpen={(id) => update({ customer: id, tab: null })}
        linkTo={linkTo}
      />
      {panelUsed && (
        <Suspense fallback={null}>
          <CustomerPanel
            customerId={selectedId}
            tab={tab}
            onTabChange={(t) => update({ tab: t === 'sites' ? null : t }, true)}
            onClose={() => update({ customer: null, tab: null })}
          />
        </Suspense>
      )}
    </div>
  )
}

interface GridProps {
  q: string
  status: CustomerStatus | null
  size: number
  selectedId: string | null
  canEdit: boolean
  onSearch: (q: string) => void
  onStatus: (status: CustomerStatus | null) => void
  onSize: (size: number) => void
  onOpen: (id: string) => void
  linkTo: (changes: Record<string, string | null>) => string
}

function CustomerGrid({ q, status, size, selectedId, canEdit, onSearch, onStatus, onSize, onOpen, linkTo }: GridProps) {
  const { message } = useFeedback()
  const [, navigate] = useLocation()
  const [text, setText] = useState(q)
  const [deactivating, setDeactivating] = useState<{ id: string; name: string } | null>(null)
  const confirmReactivate = useConfirmReactivate()
  // Keyset paging: the cursors of the pages before this one (null = first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const [selectedKeys, setSelectedKeys] = useState<React.Key[]>([])
  const searchRef = useRef<InputRef>(null)
  const cursor = cursors[cursors.length - 1]
  const list = useCustomerList({ search: q, status, limit: size, cursor })
  const rows = list.data?.items ?? []
  const page = cursors.length

  useEffect(() => {
    if (list.isSuccess && !list.isPlaceholderData) markFirstRender()
  }, [list.isSuccess, list.isPlaceholderData])

  // "/" focuses the search box, as in most back-office tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !target.isContentEditable) {
        e.preventDefault()
        searchRef.current?.focus({ cursor: 'all' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const selectedRows = rows.filter((r) => selectedKeys.includes(r.id))
  const copyEmails = async () => {
    const emails = [...new Set(selectedRows.map((r) => r.contactEmail))].join('; ')
    try {
      await navigator.clipboard.writeText(emails)
      message.success(`Copied ${selectedRows.length} contact e-mail${selectedRows.length === 1 ? '' : 's'}.`)
    } catch {
      message.info(emails)
    }
  }

  const columns: ColumnsType<CustomerListItemDto> = [
    {
      title: 'Customer',
      dataIndex: 'name',
      render: (name: string, row) => (
        <div className="cell-customer">
          <Link href={linkTo({ customer: row.id, tab: null })} className="cell-strong" onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          {row.description && (
            <span className="cell-sub ellipsis" title={row.description}>
              {row.description}
            </span>
          )}
        </div>
      ),
    },
    { title: 'Status', dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
    {
      title: 'Primary contact',
      key: 'contact',
      width: 240,
      render: (_, row) => (
        <div>
          <div>{row.contactName}</div>
          <div className="cell-sub">
            <a href={`mailto:${row.contactEmail}`} onClick={(e) => e.stopPropagation()}>
              {row.contactEmail}
            </a>
            {row.contactPhone && <> · {row.contactPhone}</>}
          </div>
        </div>
      ),
    },
    { title: 'City', dataIndex: 'city', width: 120, render: (c?: string | null) => c || <span className="muted">—</span> },
    {
      title: <StatusCountsHeader />,
      key: 'workOrders',
      width: 190,
      render: (_, row) => <StatusCounts customerId={row.id} counts={statusCountsOf(row)} />,
    },
    { title: 'Created', dataIndex: 'createdAt', width: 104, render: formatDate },
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      width: 156,
      align: 'right',
      fixed: 'right',
      render: (_, row) => (
        <Space size={2} onClick={(e) => e.stopPropagation()}>
          <Link href={workOrdersLink(row.id)} className="view-work-events">
            View Work Events
          </Link>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'open', label: 'Open side panel', onClick: () => onOpen(row.id) },
                { key: 'page', label: 'Open full page', onClick: () => navigate(`/customers/${row.id}`) },
                ...(canEdit
                  ? [
                      { type: 'divider' as const },
                      row.status === 'Active'
                        ? { key: 'deactivate', label: 'Deactivate…', danger: true, onClick: () => setDeactivating({ id: row.id, name: row.name }) }
                        : { key: 'reactivate', label: 'Reactivate…', onClick: () => confirmReactivate({ id: row.id, name: row.name }) },
                    ]
                  : []),
              ],
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`More actions for ${row.name}`} />
          </Dropdown>
        </Space>
      ),
    },
  ]

  const empty = q ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<>No customers match “{q}”{status ? ` with status ${status}` : ''}.</>}>
      <Button onClick={() => onSearch('')}>Clear search</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status ? `No ${status.toLowerCase()} customers.` : 'No customers yet.'}>
      {canEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
          Add New
        </Button>
      )}
    </Empty>
  )

  const first = (page - 1) * size + 1
  return (
    <section className="grid-card" aria-label="Customers">
      <div className="grid-toolbar">
        <form
          role="search"
          className="grid-search"
          onSubmit={(e) => {
            e.preventDefault()
            onSearch(text)
          }}
        >
          <Space.Compact>
            <Input
              ref={searchRef}
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Search customers by name"
              aria-label="Search customers by name"
              prefix={<SearchOutlined className="muted" />}
              style={{ width: 320 }}
              suffix={<kbd className="kbd">/</kbd>}
            />
            <Button type="primary" htmlType="submit">
              Search
            </Button>
          </Space.Compact>
        </form>
        <Select<string>
          value={status ?? ''}
          onChange={(v) => onStatus((v || null) as CustomerStatus | null)}
          style={{ width: 150 }}
          aria-label="Status"
          options={[
            { value: '', label: 'All statuses' },
            { value: 'Active', label: 'Active' },
            { value: 'Deactivated', label: 'Deactivated' },
          ]}
        />
        <Tooltip title="Refresh">
          <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isFetching && !list.isPending} aria-label="Refresh" />
        </Tooltip>
        <div className="grow" />
        {selectedKeys.length > 0 && (
          <Space className="selection-bar" aria-live="polite">
            <b>{selectedKeys.length} selected</b>
            <Button size="small" icon={<CopyOutlined />} onClick={copyEmails}>
              Copy contact e-mails
            </Button>
            <Button size="small" type="link" onClick={() => setSelectedKeys([])}>
              Clear
            </Button>
          </Space>
        )}
      </div>
      {list.isError ? (
        <ProblemAlert error={list.error} title="Could not load customers" onRetry={() => list.refetch()} style={{ margin: 12 }} />
      ) : (
        <Table<CustomerListItemDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          pagination={false}
          sticky
          scroll={{ x: 1150 }}
          locale={{ emptyText: list.isPending ? ' ' : empty }}
          rowSelection={{ selectedRowKeys: selectedKeys, onChange: setSelectedKeys, columnWidth: 36 }}
          rowClassName={(row) => (row.id === selectedId ? 'row-open' : row.status === 'Deactivated' ? 'row-muted' : '')}
          onRow={(row) => ({
            onClick: (e) => {
              const target = e.target as HTMLElement
              if (target.closest('a, button, input, label, .ant-checkbox-wrapper, .ant-dropdown')) return
              onOpen(row.id)
            },
          })}
        />
      )}
      <footer className="grid-footer">
        <span className="muted" aria-live="polite">
          {rows.length > 0 ? `Page ${page} · rows ${first}–${first + rows.length - 1}` : list.isSuccess ? 'No rows' : ''}
        </span>
        <Space>
          <Select<number>
            size="small"
            value={size}
            onChange={onSize}
            aria-label="Rows per page"
            options={pageSizes.map((n) => ({ value: n, label: `${n} / page` }))}
            style={{ width: 110 }}
          />
          <Button size="small" disabled={page === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </Button>
          <Button
            size="small"
            disabled={!list.data?.nextCursor || list.isPlaceholderData}
            onClick={() => setCursors((c) => [...c, list.data!.nextCursor!])}
          >
            Next
          </Button>
        </Space>
      </footer>
      <LazyMount when={deactivating !== null}>
        <DeactivateCustomerDialog customer={deactivating} onClose={() => setDeactivating(null)} />
      </LazyMount>
    </section>
  )
}
