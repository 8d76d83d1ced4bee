import { Col, Form, Input, Row, Select } from 'antd'
import type { WorkOrderCategory, WorkOrderDto } from '../../../api'
import { toProblem } from '../../../api/problem'
import { FormDialog } from '../../../shared/FormDialog'
import { text } from '../../../shared/forms'
import { useUpdateWorkOrder } from '../api'
import { fromLocalInput, toLocalInput } from './dates'
import { categoryOptions } from './model'

interface Values {
  title: string
  serviceRequested: string
  instructions?: string
  materials?: string
  category: WorkOrderCategory
  scheduledStart?: string
  scheduledEnd?: string
}

/** Edits the details on the version read (If-Match). A 412 reloads the work order and says why. */
export function EditWorkOrderDialog({ open, workOrder, etag, onClose, reload }: { open: boolean; workOrder: WorkOrderDto; etag: string; onClose: () => void; reload: () => void }) {
  const update = useUpdateWorkOrder(workOrder.id)
  return (
    <FormDialog<Values>
      open={open}
      title={`Edit ${workOrder.displayNumber}`}
      okText="Save changes"
      width={720}
      initialValues={{
        title: workOrder.title,
        serviceRequested: workOrder.serviceRequested,
        instructions: workOrder.instructions ?? '',
        materials: workOrder.materials ?? '',
        category: workOrder.category,
        scheduledStart: toLocalInput(workOrder.scheduledStart),
        scheduledEnd: toLocalInput(workOrder.scheduledEnd),
      }}
      onCancel={onClose}
      onSubmit={async (values) => {
        try {
          await update.mutateAsync({
            etag,
            body: {
              title: text(values.title) ?? '',
              serviceRequested: text(values.serviceRequested) ?? '',
              instructions: text(values.instructions),
              materials: text(values.materials),
              category: values.category,
              scheduledStart: fromLocalInput(values.scheduledStart),
              scheduledEnd: fromLocalInput(values.scheduledEnd),
              equipmentIds: workOrder.equipmentIds,
            },
          })
          onClose()
        } catch (error) {
          // Someone else saved first: load their version (the dialog says what happened; save again to apply yours).
          if (toProblem(error).status === 412) reload()
          throw error
        }
      }}
    >
      <WorkOrderDetailFields />
    </FormDialog>
  )
}

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
