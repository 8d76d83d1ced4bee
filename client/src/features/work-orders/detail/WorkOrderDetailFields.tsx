import { Col, Form, Input, Row, Select } from 'antd'
import { categoryOptions } from './model'

/** Title, service requested, instructions, materials, category and scheduled window: shared by create and edit. */
export function WorkOrderDetailFields({ autoFocus = true }: { autoFocus?: boolean }) {
  return (
    <>
      <Form.Item label="Title" name="title" rules={[{ required: true, whitespace: true, message: 'Enter a title.' }]}>
        <Input maxLength={200} autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item label="Service requested" name="serviceRequested" rules={[{ required: true, whitespace: true, message: 'Describe the service requested.' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="Instructions" name="instructions">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Materials" name="materials">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label="Category" name="category" rules={[{ required: true, message: 'Choose a category.' }]}>
            <Select options={categoryOptions} aria-label="Category" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="Scheduled start" name="scheduledStart">
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label="Scheduled end" name="scheduledEnd">
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}
