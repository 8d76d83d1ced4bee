// "Select Filters": a slider panel with every condition the work-orders API filters by. Nothing applies until
// Apply: the panel edits a draft, Apply puts it into the URL.
import { Button, Checkbox, Col, Drawer, Form, Input, Row, Select, Spin } from 'antd'
import { useState } from 'react'
import { useDebounced } from '../../../shared/useDebounced'
import { useCustomer, useCustomerList } from '../../customers/api'
import { useServiceProvider, useServiceProviders, useTeams } from './api'
import {
  categoryLabels,
  clearedFilter,
  invoiceLabels,
  paymentLabels,
  routingLabels,
  sourceLabels,
  statusOptions,
  type WorkOrderFilter,
} from './filters'

interface Props {
  open: boolean
  filter: WorkOrderFilter
  /** Technicians and the like may not read customers: no customer picker for them. */
  canPickCustomer: boolean
  onApply: (filter: WorkOrderFilter) => void
  onClose: () => void
}

const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

type Draft = Omit<WorkOrderFilter, 'sort' | 'size'>

/** Mount a fresh one (a new `key`) each time it opens: the draft starts from the applied filter. */
export function FilterDrawer({ open, filter, canPickCustomer, onApply, onClose }: Props) {
  const [form] = Form.useForm<Draft>()
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="Select Filters"
      aria-label="Select Filters"
      size={480}
      footer={
        <div className="drawer-footer">
          <Button onClick={() => form.setFieldsValue(clearedFilter(filter))}>Reset</Button>
          <div className="grow" />
          <Button onClick={onClose}>Cancel</Button>
          <Button type="primary" onClick={() => form.submit()}>
            Apply
          </Button>
        </div>
      }
    >
      <Form<Draft>
        form={form}
        name="wo-filters"
        layout="vertical"
        initialValues={filter}
        onFinish={(draft) => onApply({ ...filter, ...draft, q: (draft.q ?? '').trim(), mine: !!draft.mine })}
        requiredMark={false}
        className="filter-form"
      >
        <Form.Item name="q" label="Text" extra="A number (WO-000123 or 123), or any part of the title, service requested or requester.">
          <Input allowClear placeholder="Search work events" />
        </Form.Item>
        {canPickCustomer && (
          <Form.Item name="customerId" label="Customer" normalize={(v) => v ?? null}>
            <CustomerPicker />
          </Form.Item>
        )}
        <Form.Item name="status" label="Status" normalize={(v) => v ?? []}>
          <Select mode="multiple" allowClear placeholder="Any status" options={statusOptions} optionFilterProp="label" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="providerId" label="Service provider" normalize={(v) => v ?? null}>
              <ProviderPicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="teamId" label="Team" normalize={(v) => v ?? null}>
              <TeamPicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label="Category" normalize={(v) => v ?? null}>
              <Select allowClear placeholder="Any category" options={optionsOf(categoryLabels)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="source" label="Source" normalize={(v) => v ?? null}>
              <Select allowClear placeholder="Any source" options={optionsOf(sourceLabels)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="routing" label="Routing" normalize={(v) => v ?? null}>
              <Select allowClear placeholder="Any routing" options={optionsOf(routingLabels)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="invoice" label="Invoice status" normalize={(v) => v ?? null}>
              <Select allowClear placeholder="Any" options={optionsOf(invoiceLabels)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="payment" label="Payment approval" normalize={(v) => v ?? null}>
              <Select allowClear placeholder="Any" options={optionsOf(paymentLabels)} />
            </Form.Item>
          </Col>
        </Row>
        <fieldset className="filter-range">
          <legend>Scheduled</legend>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="scheduledFrom" label="Scheduled from" normalize={(v) => v || null}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="scheduledTo"
                label="Scheduled to"
                normalize={(v) => v || null}
                dependencies={['scheduledFrom']}
                rules={[afterRule('scheduledFrom')]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
        <fieldset className="filter-range">
          <legend>Created</legend>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="createdFrom" label="Created from" normalize={(v) => v || null}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="createdTo" label="Created to" normalize={(v) => v || null} dependencies={['createdFrom']} rules={[afterRule('createdFrom')]}>
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>
        <Form.Item name="mine" valuePropName="checked">
          <Checkbox>Only my queue (assigned to me, or new and unassigned)</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  )
}

const afterRule =
  (fromField: keyof Draft) =>
  ({ getFieldValue }: { getFieldValue: (name: keyof Draft) => unknown }) => ({
    validator: (_: unknown, to: string | null) => {
      const from = getFieldValue(fromField) as string | null
      return !to || !from || to >= from ? Promise.resolve() : Promise.reject(new Error('The end is before the start.'))
    },
  })

interface PickerProps {
  id?: string
  value?: string | null
  onChange?: (value: string | null) => void
}

/** Customers searched on the server by any part of the name. */
function CustomerPicker({ id, value, onChange }: PickerProps) {
  const [text, setText] = useState('')
  const search = useDebounced(text)
  const list = useCustomerList({ search, status: null, limit: 20, cursor: null })
  const selected = useCustomer(value)
  const options = (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.status === 'Deactivated' ? `${c.name} (deactivated)` : c.name }))
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: selected.data?.customer.name ?? '…' })
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      placeholder="Any customer — type to search"
      loading={list.isFetching}
      notFoundContent={list.isPending ? <Spin size="small" /> : 'No customer matches'}
      options={options}
    />
  )
}

function ProviderPicker({ id, value, onChange }: PickerProps) {
  const [text, setText] = useState('')
  const search = useDebounced(text)
  const providers = useServiceProviders(search, { activeOnly: false })
  const selected = useServiceProvider(value ?? null)
  const options = (providers.data ?? []).map((p) => ({ value: p.id, label: p.isActive ? p.name : `${p.name} (inactive)` }))
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: selected.data?.name ?? '…' })
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      placeholder="Any provider"
      loading={providers.isFetching}
      notFoundContent={providers.isPending ? <Spin size="small" /> : 'No provider matches'}
      options={options}
    />
  )
}

function TeamPicker({ id, value, onChange }: PickerProps) {
  const teams = useTeams()
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder="Any team"
      loading={teams.isPending}
      options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.isActive ? t.name : `${t.name} (inactive)` }))}
    />
  )
}
