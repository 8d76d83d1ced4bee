// One bulk action on the selected work events: options (provider, team, reason) → dry-run preview grouped by
// reason → Confirm (the real run, with an Idempotency-Key) → per-item results, the failed ones selectable to retry.
import { Button, Input, Modal, Progress, Segmented, Select, Space, Spin, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { Link } from 'wouter'
import type { BulkAction, BulkItemResultDto, BulkResultDto } from '../../../api'
import { ProblemAlert } from '../../../shared/ProblemAlert'
import { newUuid } from '../../../shared/uuid'
import { useServiceProviders, useTeams } from '../list/api'
import { WorkOrderStatusTag } from '../list/WorkOrderStatusTag'
import { useBulkWorkOrders, type BulkRequest } from './api'
import { bulkActionTitles, dangerousActions, failedIds, plural, previewSummary, reasonGroups, resultSummary } from './text'

interface Props {
  /** The action to run (null: the dialog is closed). */
  action: BulkAction | null
  ids: string[]
  onClose: () => void
  /** Puts these ids into the grid's selection ("Select failed"). */
  onSelectIds: (ids: string[]) => void
}

export function BulkDialog({ action, ids, onClose, onSelectIds }: Props) {
  // A fresh flow (state, idempotency key) every time the dialog opens.
  const [opened, setOpened] = useState(0)
  const [lastAction, setLastAction] = useState<BulkAction | null>(action)
  if (action !== lastAction) {
    setLastAction(action)
    if (action) setOpened((n) => n + 1)
  }
  const [busy, setBusy] = useState(false)
  const shown = action ?? lastAction
  return (
    <Modal
      open={action !== null}
      title={shown ? `${bulkActionTitles[shown]} — ${plural(ids.length, 'work event')}` : ''}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      mask={{ closable: false }}
      keyboard={!busy}
      footer={null}
      width={720}
      destroyOnHidden
    >
      {action && <BulkFlow key={opened} action={action} ids={ids} onClose={onClose} onSelectIds={onSelectIds} onBusy={setBusy} />}
    </Modal>
  )
}

type Step = 'options' | 'preview' | 'results'

const needsOptions = (action: BulkAction) => action === 'AssignProvider' || action === 'AssignTeam' || action === 'Cancel' || action === 'Complete'

function BulkFlow({ action, ids, onClose, onSelectIds, onBusy }: Omit<Props, 'action'> & { action: BulkAction; onBusy: (busy: boolean) => void }) {
  const [step, setStep] = useState<Step>(needsOptions(action) ? 'options' : 'preview')
  const [providerId, setProviderId] = useState<string | null>(null)
  const [teamId, setTeamId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  // One key per confirmation: a second click (or a retry after a lost answer) replays the first run's result.
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null)
  const running = useRef(false)
  const preview = useBulkWorkOrders()
  const run = useBulkWorkOrders()

  const request = (dryRun: boolean): BulkRequest => ({ action, ids, providerId, teamId, reason, dryRun })
  const startPreview = () => {
    setStep('preview')
    setIdempotencyKey(newUuid())
    run.reset()
    preview.mutate(request(true))
  }

  // Actions without options preview at once (once: the flow is mounted afresh for every opening).
  const started = useRef(false)
  const previewOnOpen = useEffectEvent(() => {
    if (started.current || needsOptions(action)) return
    started.current = true
    startPreview()
  })
  useEffect(() => previewOnOpen(), [])

  useEffect(() => onBusy(run.isPending), [run.isPending, onBusy])

  const confirm = () => {
    if (running.current || !idempotencyKey) return
    running.current = true
    run.mutate(
      { ...request(false), idempotencyKey },
      {
        onSuccess: () => setStep('results'),
        onSettled: () => {
          running.current = false
        },
      },
    )
  }

  const title = bulkActionTitles[action]
  const danger = dangerousActions.has(action)

  if (step === 'options') {
    const ready = action === 'AssignProvider' ? !!providerId : action === 'AssignTeam' ? !!teamId : true
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) startPreview()
        }}
      >
        <div className="bulk-options">
          {action === 'AssignProvider' && <ProviderPicker value={providerId} onChange={setProviderId} />}
          {action === 'AssignTeam' && <TeamPicker value={teamId} onChange={setTeamId} />}
          {(action === 'Cancel' || action === 'Complete') && (
            <label className="bulk-field">
              <span>{action === 'Cancel' ? 'Reason (recorded in each work event’s history)' : 'Completion notes (optional)'}</span>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
            </label>
          )}
        </div>
        <footer className="bulk-footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="primary" htmlType="submit" disabled={!ready}>
            Preview
          </Button>
        </footer>
      </form>
    )
  }

  if (step === 'results' && run.data) {
    return <Results result={run.data} onClose={onClose} onSelectIds={onSelectIds} />
  }

  // The preview (and the real run in progress).
  const dry = preview.data
  return (
    <div>
      {preview.isPending && (
        <div className="bulk-busy" role="status">
          <Spin /> <span>Checking what {title.toLowerCase()} would do to {plural(ids.length, 'work event')}…</span>
        </div>
      )}
      {preview.isError && <ProblemAlert error={preview.error} title="Could not preview the action" onRetry={startPreview} />}
      {dry && !run.isPending && <Preview result={dry} />}
      {run.isPending && (
        <div className="bulk-busy" role="status" aria-live="polite">
          <span>
            {title}: {plural(dry?.succeeded ?? ids.length, 'work event')}…
          </span>
          <Progress percent={100} status="active" showInfo={false} aria-label="Progress" />
        </div>
      )}
      {run.isError && <ProblemAlert error={run.error} title={`Could not ${title.toLowerCase()}`} style={{ marginTop: 12 }} />}
      <footer className="bulk-footer">
        {needsOptions(action) && (
          <Button onClick={() => setStep('options')} disabled={run.isPending}>
            Back
          </Button>
        )}
        <Button onClick={onClose} disabled={run.isPending}>
          Cancel
        </Button>
        <Button
          type="primary"
          danger={danger}
          loading={run.isPending}
          disabled={!dry || dry.succeeded === 0}
          onClick={confirm}
        >
          {dry && dry.succeeded > 0 ? `Confirm: ${title} ${plural(dry.succeeded, 'work event')}` : 'Confirm'}
        </Button>
      </footer>
    </div>
  )
}

/** The dry run: how many would change, how many would be skipped and why (each group lists its items). */
export function Preview({ result }: { result: BulkResultDto }) {
  const groups = reasonGroups(result)
  return (
    <div data-testid="bulk-preview" className="bulk-preview">
      <p className="bulk-headline" role="status">
        {previewSummary(result)}
      </p>
      {result.succeeded === 0 && <p className="muted">Nothing to do: none of the selected work events can be changed this way.</p>}
      {groups.map((g) => (
        <details key={g.reason} className="bulk-group" open={groups.length === 1 && g.count <= 20}>
          <summary>
            <b>{g.count.toLocaleString()} skipped:</b> {g.reason}
          </summary>
          <ItemList items={g.items} />
        </details>
      ))}
      <p className="muted bulk-note">Nothing has changed yet: this was a preview. Confirm to apply it.</p>
    </div>
  )
}

const shownItems = 100

function ItemList({ items }: { items: BulkItemResultDto[] }) {
  return (
    <ul className="bulk-items">
      {items.slice(0, shownItems).map((item) => (
        <li key={item.id}>
          {item.number ? <Link href={`/work-orders/${item.id}`}>{item.number}</Link> : <code>{item.id}</code>}
          {item.status && <WorkOrderStatusTag status={item.status} />}
        </li>
      ))}
      {items.length > shownItems && <li className="muted">…and {(items.length - shownItems).toLocaleString()} more</li>}
    </ul>
  )
}

/** The real run: per item, succeeded or failed with the reason; the failed ones can go back into the selection. */
export function Results({ result, onClose, onSelectIds }: { result: BulkResultDto; onClose: () => void; onSelectIds: (ids: string[]) => void }) {
  const failed = failedIds(result)
  const [show, setShow] = useState<'failed' | 'all'>(failed.length > 0 ? 'failed' : 'all')
  // The API answers one result per id sent, in order: a position makes a unique row key.
  const keyed = result.results.map((r, i) => ({ ...r, key: `${i}:${r.id}` }))
  const rows = show === 'failed' ? keyed.filter((r) => !r.succeeded) : keyed
  const columns: ColumnsType<BulkItemResultDto> = [
    {
      title: 'Work event',
      key: 'number',
      width: 140,
      render: (_, r) => (r.number ? <Link href={`/work-orders/${r.id}`}>{r.number}</Link> : <code className="cell-sub">{r.id}</code>),
    },
    {
      title: 'Result',
      key: 'result',
      width: 110,
      render: (_, r) => (r.succeeded ? <Tag color="green">Succeeded</Tag> : <Tag color="red">Failed</Tag>),
    },
    { title: 'Status', key: 'status', width: 150, render: (_, r) => (r.status ? <WorkOrderStatusTag status={r.status} /> : '—') },
    { title: 'Reason', dataIndex: 'reason', render: (reason?: string | null) => reason ?? '' },
  ]
  return (
    <div data-testid="bulk-results">
      <p className="bulk-headline" role="status">
        {resultSummary(result)}
      </p>
      {result.failureReasons.length > 0 && (
        <ul className="bulk-reasons">
          {result.failureReasons.map((r) => (
            <li key={r.reason}>
              {r.count.toLocaleString()} failed: {r.reason}
            </li>
          ))}
        </ul>
      )}
      <Segmented<'failed' | 'all'>
        value={show}
        onChange={setShow}
        aria-label="Show"
        options={[
          { value: 'failed', label: `Failed (${result.failed.toLocaleString()})` },
          { value: 'all', label: `All (${result.requested.toLocaleString()})` },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table<BulkItemResultDto>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: show === 'failed' ? 'Nothing failed.' : 'No items.' }}
        aria-label="Results per work event"
      />
      <footer className="bulk-footer">
        {failed.length > 0 && (
          <Button
            onClick={() => {
              onSelectIds(failed)
              onClose()
            }}
          >
            Select failed ({failed.length.toLocaleString()})
          </Button>
        )}
        <Button type="primary" onClick={onClose}>
          Done
        </Button>
      </footer>
    </div>
  )
}

function ProviderPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('')
  const providers = useServiceProviders(search)
  return (
    <label className="bulk-field">
      <span>Service provider</span>
      <Select<string>
        showSearch={{ filterOption: false, onSearch: setSearch }}
        value={value ?? undefined}
        onChange={(v) => onChange(v ?? null)}
        placeholder="Search providers by name"
        aria-label="Service provider"
        loading={providers.isFetching}
        notFoundContent={providers.isPending ? <Spin size="small" /> : 'No active provider matches'}
        options={(providers.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.isThirdParty ? ' (third party)' : ''}` }))}
        style={{ width: '100%' }}
      />
      <span className="muted">Published or assigned work events are (re-)assigned to this provider.</span>
    </label>
  )
}

function TeamPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const teams = useTeams()
  return (
    <label className="bulk-field">
      <span>Team</span>
      <Select<string>
        showSearch={{ optionFilterProp: 'label' }}
        value={value ?? undefined}
        onChange={(v) => onChange(v ?? null)}
        placeholder="Choose a team"
        aria-label="Team"
        loading={teams.isPending}
        options={(teams.data ?? []).filter((t) => t.isActive).map((t) => ({ value: t.id, label: t.name }))}
        style={{ width: '100%' }}
      />
      <Space size={4} className="muted">
        Published or assigned work events are (re-)assigned to this team.
      </Space>
    </label>
  )
}
