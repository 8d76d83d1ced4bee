import { Col, Form, Input, Row, Select } from 'antd'
import type { CustomerDto, SiteDto } from '../../api'
import { useFeedback } from '../../shared/feedback'
import { FormDialog } from '../../shared/FormDialog'
import { text } from '../../shared/forms'
import { useCreateAsset } from './api'

interface AssetFormValues {
  siteId: string
  name: string
  model?: string
  serialNumber?: string
}

interface Props {
  customer: CustomerDto
  sites: SiteDto[]
  defaultSiteId?: string
  open: boolean
  onClose: () => void
}

export default function AddAssetDialog({ customer, sites, defaultSiteId, open, onClose }: Props) {
  const { message } = useFeedback()
  const create = useCreateAsset(customer.id)
  return (
      <FormDialog<AssetFormValues>
        open={open}
        title={`Add asset for ${customer.name}`}
        okText="Add asset"
        initialValues={{ siteId: defaultSiteId }}
        onCancel={onClose}
        onSubmit={async (values) => {
          const asset = await create.mutateAsync({
            siteId: values.siteId,
            name: text(values.name) ?? '',
            model: text(values.model),
            serialNumber: text(values.serialNumber),
          })
          message.success(`Asset “${asset.name}” added.`)
          onClose()
        }}
      >
        <Form.Item label="Site" name="siteId" rules={[{ required: true, message: 'Choose the site where the equipment is.' }]}>
          <Select options={sites.map((s) => ({ value: s.id, label: s.name }))} placeholder="Choose a site" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="Name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the equipment name.' }]}>
          <Input placeholder="e.g. Boiler, Meter 12" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="Model" name="model">
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="Serial number" name="serialNumber">
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </FormDialog>
  )
}
