import { Col, Form, Input, Row } from 'antd'
import type { CustomerDto } from '../../api'
import { useFeedback } from '../../shared/feedback'
import { FormDialog } from '../../shared/FormDialog'
import { text } from '../../shared/forms'
import { useCreateContract } from './api'

interface ContractFormValues {
  number: string
  name: string
  startDate: string
  endDate?: string
}

export default function AddContractDialog({ customer, open, onClose }: { customer: CustomerDto; open: boolean; onClose: () => void }) {
  const { message } = useFeedback()
  const create = useCreateContract(customer.id)
  return (
    <FormDialog<ContractFormValues>
      open={open}
      title={`Add contract for ${customer.name}`}
      okText="Add contract"
      onCancel={onClose}
      onSubmit={async (values) => {
        const contract = await create.mutateAsync({
          number: text(values.number) ?? '',
          name: text(values.name) ?? '',
          startDate: values.startDate,
          endDate: values.endDate || null,
        })
        message.success(`Contract ${contract.number} added.`)
        onClose()
      }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="Number" name="number" rules={[{ required: true, whitespace: true, message: 'Enter the contract number.' }]}>
            <Input autoFocus />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="Name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the contract name.' }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Start" name="startDate" rules={[{ required: true, message: 'Enter the start date.' }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="End (optional)" name="endDate">
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  )
}
