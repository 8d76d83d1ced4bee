import { Alert, Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useLocation, useSearchParams } from 'wouter'
import { useFeedback } from '../../shared/feedback'
import { applyProblemToForm } from '../../shared/forms'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { Section } from '../../shared/ui'
import { useDebounced } from '../../shared/useDebounced'
import { useCustomer } from '../customers/api'
import { useCreateWorkOrder, usePickableAssets, usePickableContracts, usePickableCustomers, usePickableSites } from './api'
import { WorkOrderDetailFields } from './detail/WorkOrderDetailFields'
import { sources, toCreateCommand, withRequester, type NewWorkOrderValues } from './detail/model'

/** Open a work order: customer → site → optional contract and equipment, the details, the source. `?customerId=` preselects. */
export default function NewWorkOrderPage() {
  const { message } = useFeedback()
  const [, navigate] = useLocation()
  const [params] = useSearchParams()
  const preselected = params.get('customerId') ?? undefined
  const [form] = Form.useForm<NewWorkOrderValues>()
  const create = useCreateWorkOrder()
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null)

  const customerId = Form.useWatch('customerId', form)
  const siteId = Form.useWatch('siteId', form)
  const source = Form.useWatch('source', form) ?? 'Office'

  const [search, setSearch] = useState('')
  const customers = usePickableCustomers(useDebounced(search))
  const preselectedCustomer = useCustomer(preselected)
  const sites = usePickableSites(customerId)
  const contracts = usePickableContracts(customerId)
  const assets = usePickableAssets(customerId, siteId)

  const customerOptions = (customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))
  const pre = preselectedCustomer.data?.customer
  if (pre && pre.status === 'Active' && !customerOptions.some((o) => o.value === pre.id)) customerOptions.unshift({ value: pre.id, label: pre.name })
  const siteItems = sites.data?.items ?? []

  // One active site: choose it (the usual case of a small customer).
  const onlySiteId = siteItems.length === 1 ? siteItems[0].id : undefined
  useEffect(() => {
    if (customerId && onlySiteId && !form.getFieldValue('siteId')) form.setFieldValue('siteId', onlySiteId)
  }, [customerId, onlySiteId, form])

  const submit = async (values: NewWorkOrderValues) => {
    setFailure(null)
    setSubmitting(true)
    try {
      const { data } = await create.mutateAsync({ body: toCreateCommand(values) })
      message.success(`Work order ${data.displayNumber} opened (${data.status === 'Draft' ? 'Draft' : 'New'}).`)
      navigate(`/work-orders/${data.id}`)
    } catch (error) {
      const { unplaced, problem } = applyProblemToForm(form, error)
      const placed = Object.keys(problem.errors).length > 0 && unplaced.length === 0
      setFailure(placed ? { error: { ...problem, detail: 'Correct the highlighted fields and save again.' }, unplaced } : { error, unplaced })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <div className="form-page">
      <PageHeader title="New Work Order" trail={[['Work Orders', '/work-orders']]} subTitle="Office work orders start as Draft; e-mail, phone and technician ones as New (Published)." />
      <Form<NewWorkOrderValues>
        form={form}
        layout="vertical"
        className="dense-form"
        aria-label="New work order"
        disabled={submitting}
        initialValues={{ customerId: preselected, category: 'Service', source: 'Office' }}
        onFinish={submit}
        onValuesChange={(changed) => {
          // A new customer: its sites, contracts and assets differ.
          if ('customerId' in changed) form.setFieldsValue({ siteId: undefined, contractId: undefined, equipmentIds: [] })
          if ('siteId' in changed) form.setFieldsValue({ equipmentIds: [] })
        }}
      >
        {failure && <ProblemAlert error={failure.error} extra={failure.unplaced} style={{ marginBottom: 12 }} />}
        {pre && pre.status !== 'Active' && customerId === pre.id && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${pre.name} is deactivated`}
            description="Only active customers get new work orders. Reactivate the customer first, or choose another."
          />
        )}
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Section title="Where">
              <Form.Item label="Customer" name="customerId" rules={[{ required: true, message: 'Choose the customer.' }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: setSearch }}
                  placeholder="Search active customers by name"
                  options={customerOptions}
                  loading={customers.isFetching}
                  notFoundContent={customers.isFetching ? 'Searching…' : 'No active customer matches.'}
                  aria-label="Customer"
                />
              </Form.Item>
              <Form.Item label="Site" name="siteId" rules={[{ required: true, message: 'Choose the site.' }]}>
                <Select
                  disabled={!customerId}
                  placeholder={customerId ? 'Choose an active site' : 'Choose the customer first'}
                  options={siteItems.map((s) => ({ value: s.id, label: s.name }))}
                  loading={sites.isFetching}
                  notFoundContent="This customer has no active site."
                  showSearch={{ optionFilterProp: 'label' }}
                  aria-label="Site"
                />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="Contract (optional)" name="contractId">
                    <Select
                      allowClear
                      disabled={!customerId}
                      placeholder="No contract"
                      options={(contracts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number} · ${c.name}` }))}
                      notFoundContent="No active contract."
                      aria-label="Contract"
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="Equipment (optional)" name="equipmentIds">
                    <Select
                      mode="multiple"
                      allowClear
                      disabled={!siteId}
                      placeholder={siteId ? 'Assets at this site' : 'Choose the site first'}
                      options={(assets.data?.items ?? []).map((a) => ({ value: a.id, label: [a.name, a.serialNumber].filter(Boolean).join(' · ') }))}
                      notFoundContent="No assets at this site."
                      showSearch={{ optionFilterProp: 'label' }}
                      aria-label="Equipment"
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Section>
            <Section title="Source">
              <Form.Item label="Received by" name="source">
                <Radio.Group options={sources} optionType="button" />
              </Form.Item>
              {withRequester.includes(source) && (
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item label="Requester name" name={['requester', 'name']} extra="When someone other than the primary contact asked.">
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label="Requester e-mail" name={['requester', 'email']} extra="Notified too when the work order is opened.">
                      <Input autoComplete="off" inputMode="email" />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Section>
          </Col>
          <Col xs={24} xl={12}>
            <Section title="What">
              <WorkOrderDetailFields autoFocus={!!preselected} />
            </Section>
          </Col>
        </Row>
        <Space className="form-actions">
          <Button type="primary" htmlType="submit" loading={submitting}>
            Open work order
          </Button>
          <Button onClick={() => navigate(preselected ? `/customers/${preselected}` : '/queue')} disabled={false}>
            Cancel
          </Button>
        </Space>
      </Form>
    </div>
  )
}
