import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Empty, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, Suspense, useState } from 'react'
import type { ApiKeyDto, CreatedApiKeyDto } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { formatDateTime } from '../../shared/format'
import { LazyMount } from '../../shared/LazyMount'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { tagList } from '../users/tagList'
import { partnerScopes, useApiKeys, useCustomerNames, useRevokeApiKey } from './api'

// The new-key form (the form engine, the customer picker) and the key shown once load with the first "New API key".
const NewApiKeyDialog = lazy(() => import('./ApiKeyDialogs').then((m) => ({ default: m.NewApiKeyDialog })))
const NewKeyShownOnce = lazy(() => import('./ApiKeyDialogs').then((m) => ({ default: m.NewKeyShownOnce })))

/** API Keys (Admin): partner keys scoped to customers; a new key is shown once; revoke at once. */
export default function ApiKeysPage() {
  const { message, modal } = useFeedback()
  const keys = useApiKeys()
  const revoke = useRevokeApiKey()
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null)
  const rows = keys.data ?? []
  const names = useCustomerNames(rows.flatMap((k) => k.customerIds))

  const confirmRevoke = (key: ApiKeyDto) =>
    modal.confirm({
      title: `Revoke “${key.name}”?`,
      content: 'Requests with this key are refused at once (401). A revoked key cannot be restored: the partner needs a new one.',
      okText: 'Revoke key',
      okButtonProps: { danger: true },
      cancelText: 'Cancel',
      onOk: () =>
        revoke.mutateAsync(key.id).then(
          () => message.success(`Key “${key.name}” revoked.`),
          (error: unknown) => message.error(problemMessage(toProblem(error))),
        ),
    })

  const columns: ColumnsType<ApiKeyDto> = [
    {
      title: 'Name',
      dataIndex: 'name',
      render: (name: string, row) => (
        <div>
          <div className="cell-strong">{name}</div>
          <div className="cell-sub">
            Key starts <code>{row.prefix}</code>
          </div>
        </div>
      ),
    },
    {
      title: 'Customers',
      dataIndex: 'customerIds',
      width: 260,
      render: (ids: string[], row) => (
        <ul style={tagList} aria-label={`Customers of ${row.name}`}>
          {ids.map((id) => (
            <li key={id}>
              <Tag>{names.data?.get(id) ?? (names.isPending ? '…' : 'Unknown customer')}</Tag>
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: 'Scopes',
      key: 'scopes',
      width: 200,
      render: () => <span className="cell-sub">{partnerScopes.join(' · ')}</span>,
    },
    { title: 'Created', dataIndex: 'createdAt', width: 160, render: formatDateTime },
    { title: 'Last used', dataIndex: 'lastUsedAt', width: 160, render: (v?: string | null) => (v ? formatDateTime(v) : <span className="muted">Never</span>) },
    {
      title: 'Status',
      dataIndex: 'revokedAt',
      width: 170,
      render: (v?: string | null) => (v ? <Tag color="red">Revoked {formatDateTime(v)}</Tag> : <Tag color="green">Active</Tag>),
    },
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      width: 90,
      align: 'right',
      render: (_, row) =>
        !row.revokedAt && (
          <Button size="small" danger onClick={() => confirmRevoke(row)} aria-label={`Revoke ${row.name}`}>
            Revoke
          </Button>
        ),
    },
  ]

  return (
    <div className="api-keys-page">
      <PageHeader
        title="API Keys"
        subTitle="Keys for partner systems (header X-Api-Key). Each key sees only the customers it is scoped to."
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            New API key
          </Button>
        }
      />
      <section className="grid-card" aria-label="API keys">
        <div className="grid-toolbar">
          <Tooltip title="Refresh">
            <Button icon={<ReloadOutlined />} onClick={() => keys.refetch()} loading={keys.isFetching && !keys.isPending} aria-label="Refresh" />
          </Tooltip>
        </div>
        {keys.isError ? (
          <ProblemAlert error={keys.error} title="Could not load the API keys" onRetry={() => keys.refetch()} style={{ margin: 12 }} />
        ) : (
          <Table<ApiKeyDto>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={keys.isPending}
            pagination={false}
            scroll={{ x: 1100 }}
            rowClassName={(row) => (row.revokedAt ? 'row-muted' : '')}
            locale={{ emptyText: keys.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No API keys yet." /> }}
          />
        )}
      </section>
      <LazyMount when={creating}>
        <NewApiKeyDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false)
            setCreated(result)
          }}
        />
      </LazyMount>
      {/* Unmounted on close (no leaving animation that would keep the key on screen a moment longer). */}
      {created && (
        <Suspense fallback={null}>
          <NewKeyShownOnce created={created} onClose={() => setCreated(null)} />
        </Suspense>
      )}
    </div>
  )
}
