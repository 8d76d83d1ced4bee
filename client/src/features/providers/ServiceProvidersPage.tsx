import { MoreOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Dropdown, Empty, Input, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, Suspense, useState } from 'react'
import { useSearchParams } from 'wouter'
import type { ServiceProviderDto, ServiceProviderKind } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { PageHeader } from '../../shared/PageHeader'
import { LazyMount } from '../../shared/LazyMount'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { StatusTag } from '../../shared/StatusTag'
import { useMe } from '../auth/hooks'
import { canManageProviders, canManageUsers } from '../auth/roles'
import { useUsers } from '../users/api'
import { kindLabels, pageSizes, providerFilterFromUrl, providerKinds, useProviderList, useSetProviderActive } from './api'

// The provider dialogs (the form engine) load with the first Add or Edit; the Teams tab when it is opened.
const AddProviderDialog = lazy(() => import('./ProviderDialog').then((m) => ({ default: m.AddProviderDialog })))
const EditProviderDialog = lazy(() => import('./ProviderDialog').then((m) => ({ default: m.EditProviderDialog })))
const TeamsTab = lazy(() => import('./TeamsTab').then((m) => ({ default: m.TeamsTab })))

type Tab = 'providers' | 'teams'

/** Service Providers: the providers (filter by kind and active, keyset paging) and the teams, on two tabs. */
export default function ServiceProvidersPage() {
  const me = useMe().data!
  const canManage = canManageProviders(me.roles)
  const [params, setParams] = useSearchParams()
  const tab: Tab = params.get('tab') === 'teams' ? 'teams' : 'providers'
  const filter = providerFilterFromUrl(params)
  const [adding, setAdding] = useState(false)

  /** The URL is the state: tab, search, filters and page size are shareable links. */
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

  return (
    <div className="providers-page">
      <PageHeader
        title="Service Providers"
        subTitle="Internal and external technicians and partner companies that work orders are assigned to, and their teams."
        actions={
          canManage &&
          tab === 'providers' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              Add provider
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'teams' ? 'teams' : null })}
        items={[
          {
            key: 'providers',
            label: 'Providers',
            children: (
              <ProviderGrid
                key={`${filter.search}|${filter.kind}|${filter.active}|${filter.limit}`}
                search={filter.search}
                kind={filter.kind}
                active={filter.active}
                size={filter.limit}
                canManage={canManage}
                onSearch={(q) => update({ q: q.trim() || null })}
                onKind={(k) => update({ kind: k })}
                onActive={(a) => update({ active: a === null ? null : String(a) })}
                onSize={(n) => update({ size: n === 50 ? null : String(n) }, true)}
                onAdd={() => setAdding(true)}
              />
            ),
          },
          {
            key: 'teams',
            label: 'Teams',
            children: (
              <Suspense fallback={null}>
                <TeamsTab canManage={canManage} />
              </Suspense>
            ),
          },
        ]}
      />
      {canManage && (
        <LazyMount when={adding}>
          <AddProviderDialog open={adding} onClose={() => setAdding(false)} />
        </LazyMount>
      )}
    </div>
  )
}

interface GridProps {
  search: string
  kind: ServiceProviderKind | null
  active: boolean | null
  size: number
  canManage: boolean
  onSearch: (q: string) => void
  onKind: (kind: ServiceProviderKind | null) => void
  onActive: (active: boolean | null) => void
  onSize: (size: number) => void
  onAdd: () => void
}

function ProviderGrid({ search, kind, active, size, canManage, onSearch, onKind, onActive, onSize, onAdd }: GridProps) {
  const me = useMe().data!
  const { message } = useFeedback()
  const [text, setText] = useState(search)
  const [editing, setEditing] = useState<string | null>(null)
  // Keyset paging: the cursors of the pages before this one (null = first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const cursor = cursors[cursors.length - 1]
  const list = useProviderList({ search, kind, active, limit: size, cursor })
  const rows = list.data?.items ?? []
  const page = cursors.length
  // Only Admin reads users: the others see that a user is linked, not who.
  const users = useUsers(canManageUsers(me.roles))
  const userName = (id: string) => {
    const u = users.data?.find((x) => x.id === id)
    return u ? u.displayName || u.email : 'Linked'
  }
  const setActive = useSetProviderActive()

  const toggle = (row: ServiceProviderDto) =>
    setActive.mutate(
      { id: row.id, active: !row.isActive },
      {
        onSuccess: ({ data }) => message.success(`“${data.name}” ${data.isActive ? 'activated' : 'deactivated'}.`),
        onError: (error) => message.error(problemMessage(toProblem(error))),
      },
    )

  const columns: ColumnsType<ServiceProviderDto> = [
    { title: 'Name', dataIndex: 'name', render: (name: string) => <span className="cell-strong">{name}</span> },
    { title: 'Kind', dataIndex: 'kind', width: 170, render: (k: ServiceProviderKind) => kindLabels[k] ?? k },
    {
      title: 'E-mail',
      dataIndex: 'email',
      width: 240,
      render: (email: string) => <a href={`mailto:${email}`}>{email}</a>,
    },
    { title: 'Phone', dataIndex: 'phone', width: 150, render: (p?: string | null) => p || <span className="muted">—</span> },
    {
      title: 'Staff user',
      dataIndex: 'userId',
      width: 200,
      render: (id?: string | null) => (id ? <Tag>{userName(id)}</Tag> : <span className="muted">—</span>),
    },
    {
      title: 'Active',
      dataIndex: 'isActive',
      width: 110,
      render: (a: boolean) => <StatusTag status={a ? 'Active' : 'Deactivated'} />,
    },
    ...(canManage
      ? [
          {
            title: <span className="sr-only">Actions</span>,
            key: 'actions',
            width: 110,
            align: 'right' as const,
            render: (_: unknown, row: ServiceProviderDto) => (
              <Space size={2}>
                <Button size="small" onClick={() => setEditing(row.id)} aria-label={`Edit ${row.name}`}>
                  Edit
                </Button>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      row.isActive
                        ? { key: 'deactivate', label: 'Deactivate', danger: true, onClick: () => toggle(row) }
                        : { key: 'activate', label: 'Activate', onClick: () => toggle(row) },
                    ],
                  }}
                >
                  <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`More actions for ${row.name}`} />
                </Dropdown>
              </Space>
            ),
          },
        ]
      : []),
  ]

  const first = (page - 1) * size + 1
  const filtered = !!search || kind !== null || active !== null
  return (
    <section className="grid-card" aria-label="Service providers">
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
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Search providers by name"
              aria-label="Search providers by name"
              prefix={<SearchOutlined className="muted" />}
              style={{ width: 280 }}
            />
            <Button type="primary" htmlType="submit">
              Search
            </Button>
          </Space.Compact>
        </form>
        <Select<string>
          value={kind ?? ''}
          onChange={(v) => onKind((v || null) as ServiceProviderKind | null)}
          style={{ width: 190 }}
          aria-label="Kind"
          options={[{ value: '', label: 'All kinds' }, ...providerKinds.map((k) => ({ value: k, label: kindLabels[k] }))]}
        />
        <Select<string>
          value={active === null ? '' : String(active)}
          onChange={(v) => onActive(v === '' ? null : v === 'true')}
          style={{ width: 150 }}
          aria-label="Active"
          options={[
            { value: '', label: 'Active and inactive' },
            { value: 'true', label: 'Active only' },
            { value: 'false', label: 'Inactive only' },
          ]}
        />
        <Tooltip title="Refresh">
          <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isFetching && !list.isPending} aria-label="Refresh" />
        </Tooltip>
      </div>
      {list.isError ? (
        <ProblemAlert error={list.error} title="Could not load the service providers" onRetry={() => list.refetch()} style={{ margin: 12 }} />
      ) : (
        <Table<ServiceProviderDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          pagination={false}
          scroll={{ x: 1000 }}
          rowClassName={(row) => (row.isActive ? '' : 'row-muted')}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? 'No providers match the filter.' : 'No service providers yet.'}>
                {canManage && !filtered && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
                    Add provider
                  </Button>
                )}
              </Empty>
            ),
          }}
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
          <Button size="small" disabled={!list.data?.nextCursor || list.isPlaceholderData} onClick={() => setCursors((c) => [...c, list.data!.nextCursor!])}>
            Next
          </Button>
        </Space>
      </footer>
      {canManage && (
        <LazyMount when={editing !== null}>
          <EditProviderDialog providerId={editing} onClose={() => setEditing(null)} />
        </LazyMount>
      )}
    </section>
  )
}
