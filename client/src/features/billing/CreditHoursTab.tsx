import '../work-orders/detail/work-order.css'
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Col, Form, Input, InputNumber, Row, Statistic, Table, Tag } from 'antd'
import { useState } from 'react'
import { Link } from 'wouter'
import type { CreditHourEntryDto, CreditHourEntryKind, CustomerDto } from '../../api'
import { toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { FormDialog } from '../../shared/FormDialog'
import { formatDateTime, formatHours } from '../../shared/format'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { newUuid } from '../../shared/uuid'
import { useCreditHours, usePurchaseCreditHours } from './api'

const kindColors: Record<CreditHourEntryKind, string> = { Purchase: 'green', Debit: 'blue', Adjustment: 'default' }

const signed = (hours: number) => `${hours > 0 ? '+' : ''}${formatHours(hours)}`

/** The customer's prepaid credit-hour bank: balance (negative: the overage is invoiced), ledger, purchases. */
export function CreditHoursTab({ customer, canPurchase }: { customer: CustomerDto; canPurchase: boolean }) {
  const { message } = useFeedback()
  const bank = useCreditHours(customer.id)
  const [purchasing, setPurchasing] = useState(false)
  const summary = bank.summary

  if (bank.isError) return <ProblemAlert error={bank.error} onRetry={() => bank.refetch()} />

  return (
    <div data-testid="credit-hours-tab">
      <div className="tab-toolbar">
        <span className="muted">Hours bought in advance; billed hours of completed work orders are debited.</span>
        {canPurchase && (
          <Button icon={<PlusOutlined />} onClick={() => setPurchasing(true)}>
            Purchase hours
          </Button>
        )}
      </div>
      {summary && (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={8}>
              <Statistic
                title="Balance"
                value={formatHours(summary.balance)}
                styles={{ content: summary.balanceNegative ? { color: '#c77700' } : undefined }}
              />
            </Col>
            <Col xs={8}>
              <Statistic title="Purchased" value={formatHours(summary.purchasedHours)} />
            </Col>
            <Col xs={8}>
              <Statistic title="Used" value={formatHours(summary.usedHours)} />
            </Col>
          </Row>
          {summary.balanceNegative && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={`Balance is negative (${formatHours(summary.balance)}): the overage will be invoiced.`}
              description={summary.warning ?? undefined}
            />
          )}
        </>
      )}
      <Table<CreditHourEntryDto>
        size="small"
        rowKey="id"
        dataSource={bank.entries}
        loading={bank.isPending}
        pagination={false}
        locale={{ emptyText: 'No purchases or debits yet.' }}
        columns={[
          { title: 'When', dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
          { title: 'Kind', dataIndex: 'kind', width: 110, render: (kind: CreditHourEntryKind) => <Tag color={kindColors[kind]}>{kind}</Tag> },
          { title: 'Hours', dataIndex: 'hours', width: 100, align: 'right', render: (h: number) => signed(h) },
          { title: 'Balance after', dataIndex: 'balanceAfter', width: 120, align: 'right', render: (h: number) => <span className={h < 0 ? 'negative' : undefined}>{formatHours(h)}</span> },
          {
            title: 'Work order',
            dataIndex: 'workOrderNumber',
            width: 120,
            render: (number: string | null | undefined, row) => (row.workOrderId ? <Link href={`/work-orders/${row.workOrderId}`}>{number ?? 'Work order'}</Link> : <span className="muted">—</span>),
          },
          {
            title: 'Note',
            key: 'note',
            render: (_, row) => (
              <span>
                {row.reference && <span className="cell-strong">{row.reference} </span>}
                {row.note}
              </span>
            ),
          },
          { title: 'By', dataIndex: 'createdByName', width: 160 },
        ]}
        footer={
          bank.hasNextPage
            ? () => (
                <Button size="small" onClick={() => bank.fetchNextPage()} loading={bank.isFetchingNextPage}>
                  Load more
                </Button>
              )
            : undefined
        }
      />
      {canPurchase && (
        <PurchaseDialog
          open={purchasing}
          customer={customer}
          onClose={() => setPurchasing(false)}
          onDone={(hours) => {
            setPurchasing(false)
            message.success(`${formatHours(hours)} purchased for ${customer.name}.`)
          }}
        />
      )}
    </div>
  )
}

function PurchaseDialog({ open, customer, onClose, onDone }: { open: boolean; customer: CustomerDto; onClose: () => void; onDone: (hours: number) => void }) {
  const purchase = usePurchaseCreditHours(customer.id)
  // One key per opening of the dialog: a retry after a lost answer is not counted twice.
  const [key, setKey] = useState(newUuid)
  return (
    <FormDialog<{ hours: number; reference?: string; note?: string }>
      open={open}
      title={`Purchase hours for ${customer.name}`}
      okText="Record purchase"
      onCancel={onClose}
      onSubmit={async ({ hours, reference, note }) => {
        try {
          await purchase.mutateAsync({ body: { hours, reference: reference?.trim() || null, note: note?.trim() || null }, idempotencyKey: key })
        } catch (error) {
          // The server answered (e.g. a validation error): the corrected request is a new one. No answer: retry with the same key.
          if (toProblem(error).status !== undefined) setKey(newUuid())
          throw error
        }
        setKey(newUuid())
        onDone(hours)
      }}
    >
      <Form.Item label="Hours" name="hours" rules={[{ required: true, message: 'Enter the hours bought.' }]}>
        <InputNumber min={0.01} max={100000} step={1} precision={2} style={{ width: 160 }} autoFocus />
      </Form.Item>
      <Form.Item label="Reference (optional)" name="reference" extra="Order, invoice or payment number.">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="Note (optional)" name="note">
        <Input maxLength={500} />
      </Form.Item>
    </FormDialog>
  )
}
