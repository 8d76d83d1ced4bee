// The new-key dialog and the key shown once: loaded with the first "New API key" of the API Keys page.
import { CopyOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input, Modal, Select, Space, Tag } from 'antd'
import { useState } from 'react'
import type { CreatedApiKeyDto } from '../../api'
import { useFeedback } from '../../shared/feedback'
import { FormDialog } from '../../shared/FormDialog'
import { useDebounced } from '../../shared/useDebounced'
import { tagList } from '../users/tagList'
import { partnerScopes, useCreateApiKey, useCustomerOptions } from './api'

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

export function NewApiKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: CreatedApiKeyDto) => void }) {
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
export function NewKeyShownOnce({ created, onClose }: { created: CreatedApiKeyDto; onClose: () => void }) {
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
