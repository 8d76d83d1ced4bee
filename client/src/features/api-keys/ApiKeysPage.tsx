import { CopyOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { ApiKeyDto, CreatedApiKeyDto } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { formatDateTime } from '../../shared/format'
import { FormDialog } from '../../shared/FormDialog'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { useDebounced } from '../../shared/useDebounced'
import { tagList } from '../users/tagList'
import { partnerScopes, useApiKeys, useCreateApiKey, useCustomerNames, useCustomerOptions, useRevokeApiKey } from './api'

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
      <NewApiKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false)
          setCreated(result)
        }}
      />
      {/* Unmounted on close (no leaving animation that would keep the key on screen a moment longer). */}
      {created && <NewKeyShownOnce created={created} onClose={() => setCreated(null)} />}
    </div>
  )
}

/** Picks customers by name (searched on the server); the chosen ones keep their names while the search changes. */
function CustomerPicker({ value, onChange, id }: { value?: string[]; onChange?: (ids: string[]) => void; id?: string }) {
  const [search, setSearch] = useState('')
  const debounced = useDebounced(search)
  const options = useCustomerOptions(debounced)
  const [known, setKnown] = useState<Map<string, string>>(() => new Map())
  const found = (options.data ?? []).map((c) => ({ value: c.id, label: c.city ? `${c.name} · ${c.city}` : c.name }))
  if (found.some((o) => known.get(o.value) !== o.label)) setKnown(new Map([...known, ...found.map((o) => [o.value, o.label] as const)]))
  const chosen = (value ?? []).filter((v) => !found.some((o) => o.value === v)).map((v) => ({ value: v, label: known.get(v) ?? v }))
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      aria-label="Customers"
      value={value}
      onChange={onChange}
      placeholder="Search customers by name"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? 'Searching…' : 'No customers found'}
      options={[...found, ...chosen]}
    />
  )
}

function NewApiKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: CreatedApiKeyDto) => void }) {
  const create = useCreateApiKey()
  return (
    <FormDialog<{ name: string; customerIds?: string[] }>
      open={open}
      title="New API key"
      okText="Create key"
      onCancel={onClose}
      onSubmit={async (values) => onCreated(await create.mutateAsync({ name: values.name.trim(), customerIds: values.customerIds ?? [] }))}
    >
      <Form.Item label="Name" name="name" extra="Who the key is for, e.g. the partner’s system." rules={[{ required: true, whitespace: true, message: 'Enter a name for the key.' }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item label="Customers" name="customerIds" extra="The key sees these customers and their work orders only." rules={[{ required: true, type: 'array', min: 1, message: 'Choose at least one customer.' }]}>
        <CustomerPicker />
      </Form.Item>
      <Form.Item label="Scopes">
        <ul style={tagList} aria-label="Scopes">
          {partnerScopes.map((s) => (
            <li key={s}>
              <Tag>{s}</Tag>
            </li>
          ))}
        </ul>
        <div className="cell-sub">Every partner key has these scopes, for its customers.</div>
      </Form.Item>
    </FormDialog>
  )
}

/** The new key, this once: the API keeps only its hash. Closing forgets it. */
function NewKeyShownOnce({ created, onClose }: { created: CreatedApiKeyDto; onClose: () => void }) {
  const { message } = useFeedback()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key)
      setCopied(true)
      message.success('Key copied to the clipboard.')
    } catch {
      message.warning('Could not copy: select the key and copy it by hand.')
    }
  }
  return (
    <Modal
      open
      title={`API key “${created.apiKey.name}” created`}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {copied ? 'Done' : 'I have copied the key'}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title="Copy the key now: you will not see it again."
        description="WorkOrders stores only a hash of the key. If it is lost, revoke it and create a new one."
      />
      <label htmlFor="new-api-key" className="cell-strong">
        API key
      </label>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input id="new-api-key" readOnly value={created.key} onFocus={(e) => e.target.select()} data-testid="new-api-key" style={{ fontFamily: 'monospace' }} />
        <Button icon={<CopyOutlined />} onClick={copy} aria-label="Copy key">
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </Space.Compact>
      <p className="muted" style={{ marginTop: 12 }}>
        The partner sends it in the <code>X-Api-Key</code> header.
      </p>
    </Modal>
  )
}
