import { CaretRightOutlined } from '@ant-design/icons'
import { Button, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { JobDto, TriggerDto } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { useTriggerJob, type useJobs } from './api'
import { describeSchedule, formatRelative, formatTimestamp, triggerStateColors } from './labels'

function When({ at, now }: { at?: string | null; now: number }) {
  if (!at) return <span className="muted">—</span>
  return (
    <span>
      {formatTimestamp(at)} <span className="muted">· {formatRelative(at, now)}</span>
    </span>
  )
}

function TriggerState({ state }: { state: string }) {
  return (
    <Tag color={triggerStateColors[state] ?? 'default'} variant="filled" className="status-tag">
      {state}
    </Tag>
  )
}

const triggerColumns = (now: number): ColumnsType<TriggerDto> => [
  { title: 'Trigger', key: 'name', render: (_, t) => <span title={`${t.group}.${t.name}`}>{t.name}</span> },
  { title: 'Schedule', dataIndex: 'schedule', render: (s?: string | null) => <span title={s ?? undefined}>{describeSchedule(s)}</span> },
  { title: 'State', dataIndex: 'state', width: 110, render: (s: string) => <TriggerState state={s} /> },
  { title: 'Next fire', dataIndex: 'nextFireAt', render: (v?: string | null) => <When at={v} now={now} /> },
  { title: 'Previous fire', dataIndex: 'previousFireAt', render: (v?: string | null) => <When at={v} now={now} /> },
]

interface Props {
  jobs: ReturnType<typeof useJobs>
  /** When the jobs were read ("in 4 s" is measured from then). */
  readAt: number
}

/** The scheduler's jobs: each with its (soonest) trigger, the rest on expanding the row; "Run now" fires one once. */
export function JobsTable({ jobs, readAt }: Props) {
  const { modal, message } = useFeedback()
  const trigger = useTriggerJob()

  const confirmRun = (job: JobDto) =>
    modal.confirm({
      title: `Run “${job.name}” now?`,
      content: (
        <>
          {job.description && <p>{job.description}</p>}
          <p>The job runs once, now, besides its schedule.</p>
        </>
      ),
      okText: 'Run now',
      onOk: async () => {
        try {
          await trigger.mutateAsync({ group: job.group, name: job.name })
          message.success(`“${job.name}” started.`)
        } catch (error) {
          message.error(problemMessage(toProblem(error)))
        }
      },
    })

  // The soonest trigger stands for the job (the API lists them soonest first).
  const first = (job: JobDto): TriggerDto | undefined => job.triggers[0]
  const columns: ColumnsType<JobDto> = [
    {
      title: 'Job',
      key: 'job',
      render: (_, job) => (
        <div>
          <div className="cell-strong">{job.name}</div>
          <div className="cell-sub">
            {job.group} · {job.jobType}
          </div>
          {job.description && <div className="cell-sub">{job.description}</div>}
        </div>
      ),
    },
    {
      title: 'Schedule',
      key: 'schedule',
      width: 160,
      render: (_, job) =>
        job.triggers.length === 0 ? (
          <span className="muted">No trigger (runs when triggered)</span>
        ) : (
          <>
            <span title={first(job)!.schedule ?? undefined}>{describeSchedule(first(job)!.schedule)}</span>
            {job.triggers.length > 1 && <div className="cell-sub">+{job.triggers.length - 1} more trigger{job.triggers.length === 2 ? '' : 's'}</div>}
          </>
        ),
    },
    { title: 'State', key: 'state', width: 100, render: (_, job) => (first(job) ? <TriggerState state={first(job)!.state} /> : <span className="muted">—</span>) },
    { title: 'Next fire', key: 'next', width: 220, render: (_, job) => <When at={first(job)?.nextFireAt} now={readAt} /> },
    {
      title: 'Previous fire',
      key: 'previous',
      width: 220,
      render: (_, job) => {
        // The latest of the triggers' previous fires: when the job last ran on schedule.
        const previous = job.triggers.map((t) => t.previousFireAt).filter((v): v is string => !!v).sort().at(-1)
        return <When at={previous} now={readAt} />
      },
    },
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      width: 110,
      align: 'right',
      render: (_, job) => (
        <Button size="small" icon={<CaretRightOutlined />} onClick={() => confirmRun(job)} aria-label={`Run ${job.name} now`}>
          Run now
        </Button>
      ),
    },
  ]

  return (
    <section className="grid-card ops-section" aria-label="Scheduled jobs">
      <div className="grid-toolbar">
        <h2 className="section-title ops-section-title">Scheduled jobs</h2>
      </div>
      {jobs.isError ? (
        <ProblemAlert error={jobs.error} title="Could not load the jobs" onRetry={() => jobs.refetch()} style={{ margin: 12 }} />
      ) : (
        <Table<JobDto>
          size="small"
          rowKey={(job) => `${job.group}.${job.name}`}
          columns={columns}
          dataSource={jobs.data ?? []}
          loading={jobs.isPending}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: jobs.isPending ? ' ' : 'No jobs: the scheduler does not run on this node.' }}
          expandable={{
            rowExpandable: (job) => job.triggers.length > 1,
            expandedRowRender: (job) => (
              <Table<TriggerDto>
                size="small"
                rowKey={(t) => `${t.group}.${t.name}`}
                columns={triggerColumns(readAt)}
                dataSource={job.triggers}
                pagination={job.triggers.length > 20 ? { pageSize: 20, size: 'small' } : false}
              />
            ),
          }}
        />
      )}
    </section>
  )
}
