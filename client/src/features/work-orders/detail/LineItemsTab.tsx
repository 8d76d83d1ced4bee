import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Col, Form, Input, InputNumber, Row, Table, Tag, Tooltip } from 'antd'
import { useState } from 'react'
import type { LineItemDto, WorkOrderDto } from '../../../api'
import { FormDialog } from '../../../shared/FormDialog'
import { formatDateTime, formatHours } from '../../../shared/format'
import { useFeedback } from '../../../shared/feedback'
import { useAddLineItem, useUpdateLineItem } from '../api'
import { approvalColors, isOpenStatus } from './labels'

const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })

interface LineItemValues {
  description: string
  estimatedLabourHours: number
  partsCost: number
  hourlyRate: number
}

/** The line items ("discrepancies") with their approval by the customer; office staff add and edit them. */
export function LineItemsTab({ workOrder, canEdit }: { workOrder: WorkOrderDto; canEdit: boolean }) {
  const { message } = useFeedback()
  const add = useAddLineItem(workOrder.id)
  const update = useUpdateLineItem(workOrder.id)
  const [editing, setEditing] = useState<LineItemDto | 'new' | null>(null)
  const editable = canEdit && isOpenStatus(workOrder.status)
  const total = workOrder.lineItems.reduce((sum, i) => sum + i.total, 0)

  return (
    <div data-testid="line-items-tab">
      <div className="tab-toolbar">
        <span className="muted">
          Estimated labour {formatHours(workOrder.estimatedLabourHours)} · approved {formatHours(workOrder.approvedEstimatedHours)}. Editing an approved item asks
          the customer again.
        </span>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Add line item
          </Button>
        )}
      </div>
      <Table<LineItemDto>
        size="small"
        rowKey="id"
        dataSource={workOrder.lineItems}
        pagination={false}
        locale={{ emptyText: 'No line items yet.' }}
        columns={[
          { title: 'Description', dataIndex: 'description', render: (d: string) => <span className="pre-line">{d}</span> },
          { title: 'Labour (est.)', dataIndex: 'estimatedLabourHours', align: 'right', width: 120, render: (h: number) => formatHours(h) },
          { title: 'Parts', dataIndex: 'partsCost', align: 'right', width: 110, render: (v: number) => money.format(v) },
          { title: 'Rate / h', dataIndex: 'hourlyRate', align: 'right', width: 100, render: (v: number) => money.format(v) },
          { title: 'Total', dataIndex: 'total', align: 'right', width: 110, render: (v: number) => money.format(v) },
          {
            title: 'Approval',
            dataIndex: 'approvalStatus',
            width: 130,
            render: (status: LineItemDto['approvalStatus'], item) => (
              <Tooltip title={item.decidedAt ? `${formatDateTime(item.decidedAt)}${item.approvalNote ? `: ${item.approvalNote}` : ''}` : undefined}>
                <Tag color={approvalColors[status]} variant="filled">
                  {status}
                </Tag>
              </Tooltip>
            ),
          },
          ...(editable
            ? [
                {
                  title: <span className="sr-only">Actions</span>,
                  key: 'actions',
                  width: 60,
                  render: (_: unknown, item: LineItemDto) => (
                    <Button size="small" type="text" icon={<EditOutlined />} aria-label={`Edit line item ${item.description}`} onClick={() => setEditing(item)} />
                  ),
                },
              ]
            : []),
        ]}
        summary={() =>
          workOrder.lineItems.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <strong>Total</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{money.format(total)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} colSpan={editable ? 2 : 1} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <FormDialog<LineItemValues>
        open={editing !== null}
        title={editing === 'new' ? 'Add line item' : 'Edit line item'}
        okText={editing === 'new' ? 'Add line item' : 'Save line item'}
        initialValues={editing && editing !== 'new' ? editing : { estimatedLabourHours: 1, partsCost: 0, hourlyRate: 0 }}
        onCancel={() => setEditing(null)}
        onSubmit={async (values) => {
          const body = { ...values, description: values.description.trim() }
          if (editing === 'new') await add.mutateAsync(body)
          else if (editing) await update.mutateAsync({ lineItemId: editing.id, body })
          message.success(editing === 'new' ? 'Line item added.' : 'Line item saved.')
          setEditing(null)
        }}
      >
        {editing && editing !== 'new' && editing.approvalStatus !== 'Pending' && (
          <p className="muted">This item is {editing.approvalStatus.toLowerCase()}: saving a change asks the customer again.</p>
        )}
        <Form.Item label="Description" name="description" rules={[{ required: true, whitespace: true, message: 'Describe the work or part.' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="Labour hours (est.)" name="estimatedLabourHours" rules={[{ required: true, message: 'Enter the hours.' }]}>
              <InputNumber min={0} max={10000} step={0.25} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Parts cost" name="partsCost" rules={[{ required: true, message: 'Enter the parts cost.' }]}>
              <InputNumber min={0} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Hourly rate" name="hourlyRate" rules={[{ required: true, message: 'Enter the rate.' }]}>
              <InputNumber min={0} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </FormDialog>
    </div>
  )
}
