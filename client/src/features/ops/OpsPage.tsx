import './ops.css'
import { ReloadOutlined } from '@ant-design/icons'
import { Button, Skeleton, Space, Tooltip } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'wouter'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { outboxFilterFromUrl, REFRESH_MS, useJobs, useOutboxMessages, useOutboxSummary, type OutboxFilter } from './api'
import { JobsTable } from './JobsTable'
import { formatClock } from './labels'
import { OutboxMessages } from './OutboxMessages'
import { OutboxSummary } from './OutboxSummary'

/**
 * Background Jobs (/ops?state=&type=, Ops and Admin): the outbox summary, its messages (retry the stuck ones) and the
 * scheduler's jobs (run one now). Refreshes every 10 s while the tab is visible; the filter is in the URL.
 */
export default function OpsPage() {
  const [params, setParams] = useSearchParams()
  const filter = outboxFilterFromUrl(params)
  const summary = useOutboxSummary()
  const messages = useOutboxMessages(filter)
  const jobs = useJobs()
  const [refreshing, setRefreshing] = useState(false)

  const updatedAt = Math.max(summary.dataUpdatedAt, messages.dataUpdatedAt, jobs.dataUpdatedAt)

  const refresh = async () => {
    setRefreshing(true)
    try {
      await Promise.all([summary.refetch(), messages.refetch(), jobs.refetch()])
    } finally {
      setRefreshing(false)
    }
  }

  /** The URL is the state of the grid: a filtered view is a shareable link. */
  const setFilter = (changes: Partial<OutboxFilter>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v)
        else next.delete(k)
      }
      return next
    })

  return (
    <div className="ops-page" data-testid="ops-page">
      <PageHeader
        title="Background Jobs"
        subTitle="The outbox (e-mail, WorkMarket, reminders) and the scheduler’s jobs."
        actions={
          <Space>
            <span className="muted" aria-live="polite" data-testid="updated-at">
              {updatedAt > 0 ? `Updated ${formatClock(updatedAt)}` : 'Loading…'} · refreshes every {REFRESH_MS / 1000} s
            </span>
            <Tooltip title="Refresh now">
              <Button icon={<ReloadOutlined />} onClick={() => void refresh()} loading={refreshing} aria-label="Refresh" />
            </Tooltip>
          </Space>
        }
      />

      <section className="ops-section" aria-label="Outbox summary">
        {summary.isError ? (
          <ProblemAlert error={summary.error} title="Could not load the outbox summary" onRetry={() => summary.refetch()} />
        ) : summary.data ? (
          <OutboxSummary summary={summary.data} readAt={summary.dataUpdatedAt} onType={(type) => setFilter({ type })} />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )}
      </section>

      <OutboxMessages
        filter={filter}
        list={messages}
        types={summary.data?.byType.map((t) => t.type) ?? []}
        readAt={messages.dataUpdatedAt}
        onFilter={setFilter}
      />

      <JobsTable jobs={jobs} readAt={jobs.dataUpdatedAt} />
    </div>
  )
}
