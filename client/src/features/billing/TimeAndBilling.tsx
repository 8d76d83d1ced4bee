import { ClockCircleOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Form, Input, InputNumber, Progress, Row, Statistic, Table, Tag, Tooltip } from 'antd'
import { useEffect, useState } from 'react'
import type { BilledHoursResultDto, TimeEntryDto, WorkOrderDto } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { FormDialog } from '../../shared/FormDialog'
import { formatDateTime, formatElapsed, formatHours } from '../../shared/format'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { timeTakingStatuses } from '../work-orders/detail/labels'
import { useProgress, useSetBilledHours, useTimeEntries, useTimer } from './api'

interface Props {
  workOrder: WorkOrderDto
  etag: string
  me: { id: string }
  canRunTimer: boolean
  canReadTimeEntries: boolean
  /** An assessor: sets billed hours, reads the progress report (Roles.Billing). */
  canBill: boolean
}

/** Time and billing of one work order: my timer, worked vs billed hours, the progress report, the time entries. */
export function TimeAndBilling({ workOrder, etag, me, canRunTimer, canReadTimeEntries, canBill }: Props) {
  const entries = useTimeEntries(workOrder.id, canReadTimeEntries)
  const progress = useProgress(workOrder.id, canBill)
  const running = entries.data?.find((e) => e.isRunning && e.userId === me.id) ?? null

  return (
    <div data-testid="time-billing-tab">
      <Row gutter={[12, 12]}>
        {canRunTimer && (
          <Col xs={24} lg={8}>
            <TimerCard workOrder={workOrder} running={running} loading={canReadTimeEntries && entries.isPending} />
          </Col>
        )}
        <Col xs={24} lg={canRunTimer ? 16 : 24}>
          <HoursCard workOrder={workOrder} etag={etag} canBill={canBill} progress={progress.data} />
        </Col>
      </Row>
      {canReadTimeEntries && (
        <section style={{ marginTop: 16 }} aria-labelledby="time-entries-title">
          <h3 className="section-title" id="time-entries-title">
            Time entries
          </h3>
          {entries.isError ? (
            <ProblemAlert error={entries.error} onRetry={() => entries.refetch()} />
          ) : (
            <TimeEntries rows={entries.data ?? []} loading={entries.isPending} />
          )}
        </section>
      )}
    </div>
  )
}

function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [active])
  return now
}

/** The signed-in user's own timer on this work order: one running timer per person per work order. */
function TimerCard({ workOrder, running, loading }: { workOrder: WorkOrderDto; running: TimeEntryDto | null; loading: boolean }) {
  const { message } = useFeedback()
  const timer = useTimer(workOrder.id)
  const now = useNow(!!running)
  const takesTime = timeTakingStatuses.includes(workOrder.status)
  const act = async (action: 'start' | 'stop') => {
    try {
      const result = await timer.mutateAsync(action)
      message.success(
        action === 'start'
          ? 'Timer started.'
          : `Timer stopped: ${result.entry.hours > 0 ? formatHours(result.entry.hours) : 'less than 0.01 h'} recorded (worked ${formatHours(result.workedHours)} in all).`,
      )
    } catch (error) {
      message.error(problemMessage(toProblem(error)))
    }
  }
  return (
    <Card size="small" title={<span><ClockCircleOutlined /> My timer</span>} data-testid="timer">
      {running ? (
        <div role="status" aria-live="polite">
          <div className="timer-elapsed" aria-label="Elapsed time">
            {formatElapsed(now - new Date(running.startedAt).getTime())}
          </div>
          <div className="muted">Running since {formatDateTime(running.startedAt)}</div>
        </div>
      ) : (
        <div className="muted" role="status">
          {takesTime ? 'Not running.' : 'Time is recorded once the work is assigned, and until it is completed.'}
        </div>
      )}
      <div style={{ marginTop: 12 }}>
        {running ? (
          <Button danger icon={<PauseCircleOutlined />} loading={timer.isPending} onClick={() => act('stop')}>
            Stop timer
          </Button>
        ) : (
          // Disabled (not just busy) until my running timer is known: a click before would start a second one.
          <Button type="primary" icon={<PlayCircleOutlined />} loading={timer.isPending} disabled={!takesTime || loading} onClick={() => act('start')}>
            Start timer
          </Button>
        )}
      </div>
    </Card>
  )
}

/** Worked vs billed hours, the 1-hour minimum, and estimated (approved line items) vs actual. */
export function HoursCard({
  workOrder,
  etag,
  canBill,
  progress,
}: {
  workOrder: WorkOrderDto
  etag: string
  canBill: boolean
  progress?: import('../../api').WorkOrderProgressDto
}) {
  const [billing, setBilling] = useState(false)
  const [result, setResult] = useState<BilledHoursResultDto | null>(null)
  const estimate = progress?.estimatedLabourHours ?? workOrder.approvedEstimatedHours
  const worked = progress?.workedHours ?? workOrder.workedHours
  const percent = estimate > 0 ? Math.round((worked / estimate) * 100) : null
  const mayBill = canBill && workOrder.status === 'Completed' && workOrder.invoiceStatus !== 'Yes'

  return (
    <Card
      size="small"
      title="Hours"
      data-testid="hours"
      extra={
        mayBill && (
          <Button size="small" type="primary" ghost onClick={() => setBilling(true)}>
            {workOrder.billedHours == null ? 'Set billed hours…' : 'Change billed hours…'}
          </Button>
        )
      }
    >
      <Row gutter={12}>
        <Col span={8}>
          <Statistic title="Worked" value={formatHours(worked)} />
        </Col>
        <Col span={8}>
          <Statistic title="Billed" value={workOrder.billedHours == null ? 'Not billed' : formatHours(workOrder.billedHours)} />
          {workOrder.billedMinimumApplied && (
            <Tooltip title="A job is never billed below 1 hour: the hours asked were raised to the minimum.">
              <Tag color="gold" data-testid="minimum-applied">
                1-hour minimum applied
              </Tag>
            </Tooltip>
          )}
          {workOrder.billedAt && <div className="muted">{formatDateTime(workOrder.billedAt)}</div>}
        </Col>
        <Col span={8}>
          <Statistic title="Estimated (approved)" value={formatHours(estimate)} />
          {progress && progress.pendingEstimatedLabourHours > 0 && <div className="muted">+ {formatHours(progress.pendingEstimatedLabourHours)} awaiting approval</div>}
        </Col>
      </Row>
      <div style={{ marginTop: 12 }} aria-label="Progress: actual against estimate">
        <div className="muted">Progress report: actual (worked) against the estimate of the approved line items</div>
        {percent === null ? (
          <div className="muted">No approved estimate yet.</div>
        ) : (
          <Progress percent={Math.min(percent, 100)} status={percent > 100 ? 'exception' : 'normal'} format={() => `${percent}%`} />
        )}
        {progress && (
          <div className="muted">
            Variance {progress.varianceHours > 0 ? '+' : ''}
            {formatHours(progress.varianceHours)}
            {progress.runningTimers > 0 && ` · ${progress.runningTimers} timer${progress.runningTimers === 1 ? '' : 's'} running`}
            {progress.waitingSeconds > 0 && ` · waiting ${formatHours(Math.round(progress.waitingSeconds / 36) / 100)}`}
            {` · credit balance ${formatHours(progress.creditBalance)}`}
          </div>
        )}
        {progress?.warning && workOrder.billedHours == null && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} title={progress.warning} />
        )}
      </div>
      {result && (
        <Alert
          type={result.balanceNegative ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          style={{ marginTop: 12 }}
          role="status"
          title={`Billed ${formatHours(result.billedHours)}${result.minimumApplied ? ` (1-hour minimum applied: ${formatHours(result.requestedHours)} asked)` : ''}.`}
          description={
            <>
              Credit balance now {formatHours(result.creditBalance)}.{result.balanceNegative && ' The overage will be invoiced.'}
              {result.warning && <div>{result.warning}</div>}
            </>
          }
        />
      )}
      <SetBilledHoursDialog open={billing} workOrder={workOrder} etag={etag} onClose={() => setBilling(false)} onBilled={setResult} />
    </Card>
  )
}

function SetBilledHoursDialog({
  open,
  workOrder,
  etag,
  onClose,
  onBilled,
}: {
  open: boolean
  workOrder: WorkOrderDto
  etag: string
  onClose: () => void
  onBilled: (result: BilledHoursResultDto) => void
}) {
  const setBilled = useSetBilledHours(workOrder.id, workOrder.customerId)
  return (
    <FormDialog<{ hours: number; note?: string }>
      open={open}
      title={`Billed hours of ${workOrder.displayNumber}`}
      okText="Set billed hours"
      initialValues={{ hours: workOrder.billedHours ?? Math.round(workOrder.workedHours * 100) / 100 }}
      onCancel={onClose}
      onSubmit={async ({ hours, note }) => {
        const { data } = await setBilled.mutateAsync({ etag, body: { hours, note: note?.trim() || null } })
        onBilled(data)
        onClose()
      }}
    >
      <p className="muted">
        The fair charge for the job ({formatHours(workOrder.workedHours)} worked). Never below 1 hour. The customer&apos;s credit-hour bank is debited by the
        change.
      </p>
      <Form.Item label="Billed hours" name="hours" rules={[{ required: true, message: 'Enter the hours to bill.' }]}>
        <InputNumber min={0} max={100000} step={0.25} precision={2} style={{ width: 160 }} autoFocus />
      </Form.Item>
      <Form.Item label="Note (optional)" name="note">
        <Input maxLength={500} />
      </Form.Item>
    </FormDialog>
  )
}

function TimeEntries({ rows, loading }: { rows: TimeEntryDto[]; loading: boolean }) {
  return (
    <Table<TimeEntryDto>
      size="small"
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      locale={{ emptyText: 'No time recorded yet.' }}
      columns={[
        { title: 'Who', dataIndex: 'userName' },
        { title: 'Started', dataIndex: 'startedAt', width: 180, render: (at: string) => formatDateTime(at) },
        {
          title: 'Ended',
          dataIndex: 'endedAt',
          width: 180,
          render: (at: string | null | undefined, row) => (row.isRunning ? <Tag color="processing">Running</Tag> : formatDateTime(at)),
        },
        { title: 'Hours', dataIndex: 'hours', align: 'right', width: 90, render: (h: number, row) => (row.isRunning ? '—' : formatHours(h)) },
        { title: 'Source', dataIndex: 'source', width: 90 },
        { title: 'Note', dataIndex: 'note', render: (note?: string | null, row?: TimeEntryDto) => note ?? (row && row.recordedByName !== row.userName ? `Recorded by ${row.recordedByName}` : '') },
      ]}
    />
  )
}
