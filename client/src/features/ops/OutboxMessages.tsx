import { RedoOutlined } from '@ant-design/icons'
import { Button, Empty, Radio, Select, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { OutboxMessageDto, OutboxState } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { canRetry, rowState, useRetryOutboxMessage, type OutboxFilter, type useOutboxMessages } from './api'
import { formatRelative, formatTimestamp, knownMessageTypes, stateColors, stateLabels } from './labels'

interface Props {
  filter: OutboxFilter
  list: ReturnType<typeof useOutboxMessages>
  /** Types the summary knows of (offered by the type filter with the known ones). */
  types: string[]
  /** When the list was read ("in 4 s" is measured from then). */
  readAt: number
  onFilter: (changes: Partial<OutboxFilter>) => void
}

/** The outbox messages, newest first: filter by state and type (in the URL), "Load more", retry the stuck ones. */
export function OutboxMessages({ filter, list, types, readAt, onFilter }: Props) {
  const { modal, message } = useFeedback()
  const retry = useRetryOutboxMessage()
  const rows = list.rows
  const typeOptions = [...new Set([...knownMessageTypes, ...types, ...rows.map((r) => r.type), ...(filter.type ? [filter.type] : [])])]
    .sort()
    .map((t) => ({ value: t, label: t }))

  const confirmRetry = (row: OutboxMessageDto) =>
    modal.confirm({
      title: 'Retry this message?',
      content: (
        <>
          <div>
            <b>{row.type}</b> · <code>{row.key}</code>
          </div>
          <p>It goes back in the queue, due now, with its attempts reset; the outbox job delivers it on its next run.</p>
        </>
      ),
      okText: 'Retry',
      width: 520,
      onOk: async () => {
        try {
          await retry.mutateAsync(row.id)
          message.success(`The ${row.type} message is queued again.`)
        } catch (error) {
          message.error(problemMessage(toProblem(error)))
        }
      },
    })

  const columns: ColumnsType<OutboxMessageDto> = [
    { title: 'Created', dataIndex: 'createdAt', width: 180, render: (v: string) => formatTimestamp(v) },
    { title: 'Type', dataIndex: 'type', width: 190, render: (t: string) => <span className="cell-strong">{t}</span> },
    {
      title: 'Key',
      dataIndex: 'key',
      ellipsis: { showTitle: false },
      render: (key: string) => (
        <span className="ellipsis ops-key" title={key}>
          {key}
        </span>
      ),
    },
    {
      title: 'State',
      key: 'state',
      width: 120,
      render: (_, row) => {
        const state = rowState(row)
        return (
          <Tag color={stateColors[state]} variant="filled" className="status-tag">
            {stateLabels[state]}
          </Tag>
        )
      },
    },
    { title: 'Attempts', dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: 'Next attempt / done',
      key: 'when',
      width: 220,
      render: (_, row) => {
        const [label, at] =
          row.state === 'Processed' ? ['Processed', row.processedAt]
          : row.state === 'DeadLettered' ? ['Dead-lettered', row.deadLetteredAt]
          : ['Next attempt', row.availableAt]
        return (
          <div>
            <div className="cell-sub">{label}</div>
            <div>
              {formatTimestamp(at)}
              {row.state === 'Pending' && <span className="muted"> · {formatRelative(at, readAt)}</span>}
            </div>
          </div>
        )
      },
    },
    {
      title: 'Last error',
      dataIndex: 'lastError',
      width: 280,
      ellipsis: { showTitle: false },
      render: (error?: string | null) =>
        error ? (
          <span className="ellipsis ops-error" title="Expand the row to read it all">
            {error.split('\n')[0]}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      width: 96,
      align: 'right',
      render: (_, row) =>
        canRetry(row) && (
          <Tooltip title="Put it back in the queue, due now">
            <Button size="small" icon={<RedoOutlined />} onClick={() => confirmRetry(row)} aria-label={`Retry ${row.type} message ${row.key}`}>
              Retry…
            </Button>
          </Tooltip>
        ),
    },
  ]

  const filtered = filter.state !== null || filter.type !== null
  return (
    <section className="grid-card ops-section" aria-label="Outbox messages">
      <div className="grid-toolbar">
        <h2 className="section-title ops-section-title">Outbox messages</h2>
        <Radio.Group
          optionType="button"
          size="small"
          value={filter.state ?? ''}
          onChange={(e) => onFilter({ state: (e.target.value || null) as OutboxState | null })}
          aria-label="State"
          options={[
            { value: '', label: 'All' },
            { value: 'Pending', label: 'Pending' },
            { value: 'Processed', label: 'Processed' },
            { value: 'DeadLettered', label: 'Dead-lettered' },
          ]}
        />
        <Select<string>
          size="small"
          allowClear
          showSearch
          value={filter.type ?? undefined}
          placeholder="All types"
          onChange={(v) => onFilter({ type: v || null })}
          aria-label="Type"
          style={{ width: 230 }}
          options={typeOptions}
        />
        {filtered && (
          <Button size="small" type="link" onClick={() => onFilter({ state: null, type: null })}>
            Clear filters
          </Button>
        )}
      </div>
      {list.isError ? (
        <ProblemAlert error={list.error} title="Could not load the outbox" onRetry={() => list.refetch()} style={{ margin: 12 }} />
      ) : (
        <Table<OutboxMessageDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 1400 }}
          locale={{
            emptyText: list.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? 'No messages match the filter.' : 'The outbox is empty.'} />,
          }}
          expandable={{
            expandedRowRender: (row) => (
              <div className="ops-message-detail">
                <div>
                  <span className="cell-sub">Key</span>
                  <code>{row.key}</code>
                </div>
                <div>
                  <span className="cell-sub">Id</span>
                  <code>{row.id}</code>
                </div>
                {row.lastError && (
                  <div className="ops-error-detail">
                    <span className="cell-sub">Last error · attempt {row.attempts}</span>
                    <pre>{row.lastError}</pre>
                  </div>
                )}
              </div>
            ),
          }}
        />
      )}
      <footer className="grid-footer">
        <span className="muted" aria-live="polite">
          {rows.length > 0 ? `${rows.length} message${rows.length === 1 ? '' : 's'}, newest first` : ''}
        </span>
        {list.hasNextPage && (
          <Button size="small" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </footer>
    </section>
  )
}
