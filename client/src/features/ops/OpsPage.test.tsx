import { act, screen, waitFor, within } from '@testing-library/react'
import type { ModalFuncProps } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { JobDto, OutboxMessageDto, OutboxSummaryDto } from '../../api'
import { message as toast, modal } from '../../shared/feedback'
import { fakeApi, renderWithApp } from '../../test/render'
import { describeSchedule, formatDuration, formatTimestamp } from './labels'
import OpsPage from './OpsPage'
import { message, outboxJob, summaryDto } from './testData'

function setup({ summary = summaryDto(), rows = [] as OutboxMessageDto[], jobs = [] as JobDto[], nextCursor = null as string | null } = {}) {
  const getOutboxSummary = vi.fn(async (): Promise<OutboxSummaryDto> => summary)
  const getOutboxMessages = vi.fn(async () => ({ items: rows, nextCursor }))
  const getJobs = vi.fn(async () => jobs)
  const retryOutboxMessage = vi.fn(async (id: string) => ({ ...rows.find((r) => r.id === id)!, state: 'Pending' as const, attempts: 0, deadLetteredAt: null }))
  const triggerJob = vi.fn(async () => undefined)
  const { api } = fakeApi({ ops: { getOutboxSummary, getOutboxMessages, getJobs, retryOutboxMessage, triggerJob } })
  return { api, getOutboxSummary, getOutboxMessages, getJobs, retryOutboxMessage, triggerJob }
}

/** antd's radio buttons: the input is visually hidden, the label is what is clicked. */
const radioLabel = (name: string) => screen.getByRole('radio', { name }).closest('label')!
const stat = (label: string) => screen.getByRole('group', { name: label })
const confirmProps = () => vi.mocked(modal.confirm).mock.calls.at(-1)![0] as ModalFuncProps

afterEach(() => vi.useRealTimers())

describe('Background Jobs: outbox summary', () => {
  it('shows the summary cards and the per-type table from the summary response', async () => {
    const oldest = new Date(Date.now() - 5 * 60_000 - 10_000).toISOString()
    const { api } = setup({
      summary: summaryDto({
        pending: 3,
        failing: 1,
        deadLettered: 2,
        processedLastHour: 17,
        oldestPendingCreatedAt: oldest,
        byType: [
          { type: 'Email', pending: 2, failing: 1, deadLettered: 1 },
          { type: 'WorkMarketDispatch', pending: 1, failing: 0, deadLettered: 1 },
        ],
      }),
    })
    renderWithApp(<OpsPage />, { api, path: '/ops' })

    await screen.findByTestId('outbox-summary')
    expect(within(stat('Pending')).getByText('3')).toBeInTheDocument()
    expect(within(stat('Failing')).getByText('1')).toBeInTheDocument()
    expect(within(stat('Dead-lettered')).getByText('2')).toBeInTheDocument()
    expect(within(stat('Delivered (last hour)')).getByText('17')).toBeInTheDocument()
    expect(within(stat('Oldest waiting')).getByText('5 min')).toBeInTheDocument()
    // Something failing or dead-lettered is flagged.
    expect(stat('Failing')).toHaveClass('ops-stat-warning')
    expect(stat('Dead-lettered')).toHaveClass('ops-stat-danger')
    expect(stat('Pending')).not.toHaveClass('ops-stat-warning')

    const byType = screen.getByRole('region', { name: 'Waiting by type' })
    const rows = within(byType).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Email', '2', '1', '1'],
      ['WorkMarketDispatch', '1', '0', '1'],
    ])
  })

  it('says so when nothing waits (no age)', async () => {
    const { api } = setup({ summary: summaryDto({ processedLastHour: 4 }) })
    renderWithApp(<OpsPage />, { api, path: '/ops' })
    await screen.findByTestId('outbox-summary')
    expect(within(stat('Oldest waiting')).getByText('—')).toBeInTheDocument()
    expect(within(stat('Oldest waiting')).getByText('nothing waiting')).toBeInTheDocument()
    expect(screen.getByText('Nothing waiting or dead-lettered.')).toBeInTheDocument()
  })

  it('a type in the per-type table filters the grid by that type (in the URL)', async () => {
    const { api, getOutboxMessages } = setup({ summary: summaryDto({ pending: 1, byType: [{ type: 'WorkMarketDispatch', pending: 1, failing: 0, deadLettered: 0 }] }) })
    const { user, url } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await user.click(await screen.findByRole('button', { name: 'Show WorkMarketDispatch messages' }))
    await waitFor(() => expect(url()).toBe('/ops?type=WorkMarketDispatch'))
    await waitFor(() => expect(getOutboxMessages).toHaveBeenLastCalledWith(undefined, 'WorkMarketDispatch', 50, undefined, expect.anything()))
  })
})

describe('Background Jobs: outbox messages', () => {
  it('reads the state and type filter from the URL', async () => {
    const { api, getOutboxMessages } = setup()
    renderWithApp(<OpsPage />, { api, path: '/ops?state=Processed&type=Email' })
    await waitFor(() => expect(getOutboxMessages).toHaveBeenCalledWith('Processed', 'Email', 50, undefined, expect.anything()))
    expect(screen.getByRole('radio', { name: 'Processed' })).toBeChecked()
    expect(await screen.findByText('No messages match the filter.')).toBeInTheDocument()
  })

  it('puts the state filter in the URL and asks the API for that state; All clears it', async () => {
    const { api, getOutboxMessages } = setup({ rows: [message()] })
    const { user, url } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await waitFor(() => expect(getOutboxMessages).toHaveBeenCalledWith(undefined, undefined, 50, undefined, expect.anything()))

    await user.click(radioLabel('Dead-lettered'))
    await waitFor(() => expect(url()).toBe('/ops?state=DeadLettered'))
    await waitFor(() => expect(getOutboxMessages).toHaveBeenLastCalledWith('DeadLettered', undefined, 50, undefined, expect.anything()))
    expect(screen.getByRole('radio', { name: 'Dead-lettered' })).toBeChecked()

    await user.click(radioLabel('All'))
    await waitFor(() => expect(url()).toBe('/ops'))
  })

  it('shows each row: state tag (tried pending rows are Failing), when, the error’s first line; a row expands to key, id and the whole error', async () => {
    const rows = [
      message({ key: 'email:opened:a', state: 'Processed', attempts: 1, processedAt: '2026-11-25T10:00:03Z' }),
      message({ key: 'wm:dispatch:b', type: 'WorkMarketDispatch', attempts: 2, lastError: 'Service unavailable (503)\n   at WorkMarketClient.SendAsync', availableAt: '2026-11-25T10:04:00Z' }),
    ]
    const { api } = setup({ rows })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    const grid = screen.getByRole('region', { name: 'Outbox messages' })
    const processed = (await within(grid).findByText('email:opened:a')).closest('tr')!
    expect(within(processed).getByText('Processed', { selector: '.status-tag' })).toBeInTheDocument()
    const failing = within(grid).getByText('wm:dispatch:b').closest('tr')!
    expect(within(failing).getByText('Failing', { selector: '.status-tag' })).toBeInTheDocument()
    expect(within(failing).getByText('Next attempt')).toBeInTheDocument()
    expect(within(failing).getByText('Service unavailable (503)')).toBeInTheDocument()
    expect(within(grid).queryByText(/at WorkMarketClient\.SendAsync/)).not.toBeInTheDocument()

    await user.click(within(failing).getByRole('button', { name: /expand row/i }))
    expect(await within(grid).findByText(/at WorkMarketClient\.SendAsync/)).toBeInTheDocument()
    expect(within(grid).getByText(rows[1].id)).toBeInTheDocument()
    // A row without an error expands to its key and id only.
    await user.click(within(processed).getByRole('button', { name: /expand row/i }))
    expect(await within(grid).findByText(rows[0].id)).toBeInTheDocument()
    expect(within(grid).getAllByText(/^Last error · attempt/)).toHaveLength(1)
  })

  it('offers Retry only on dead-lettered and failing rows; it asks, calls the endpoint and reads the dashboard again', async () => {
    const rows = [
      message({ key: 'email:opened:pending' }),
      message({ key: 'email:opened:failing', attempts: 3, lastError: 'SMTP 451' }),
      message({ key: 'email:opened:processed', state: 'Processed', attempts: 1, processedAt: '2026-11-25T10:00:03Z' }),
      message({ key: 'wm:dispatch:dead', type: 'WorkMarketDispatch', state: 'DeadLettered', attempts: 8, deadLetteredAt: '2026-11-25T10:30:00Z', lastError: 'Talent pool 1001 not found' }),
    ]
    const { api, retryOutboxMessage, getOutboxMessages, getOutboxSummary } = setup({ rows })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await screen.findByText('email:opened:pending')

    const retries = screen.getAllByRole('button', { name: /^Retry / }).map((b) => b.getAttribute('aria-label'))
    expect(retries).toEqual(['Retry Email message email:opened:failing', 'Retry WorkMarketDispatch message wm:dispatch:dead'])

    const listCalls = getOutboxMessages.mock.calls.length
    const summaryCalls = getOutboxSummary.mock.calls.length
    await user.click(screen.getByRole('button', { name: 'Retry WorkMarketDispatch message wm:dispatch:dead' }))
    expect(modal.confirm).toHaveBeenCalledTimes(1)
    expect(confirmProps().title).toBe('Retry this message?')
    expect(retryOutboxMessage).not.toHaveBeenCalled()

    await act(async () => {
      await (confirmProps().onOk as () => Promise<unknown>)()
    })
    expect(retryOutboxMessage).toHaveBeenCalledWith(rows[3].id)
    expect(toast.success).toHaveBeenCalledWith('The WorkMarketDispatch message is queued again.')
    await waitFor(() => expect(getOutboxMessages.mock.calls.length).toBeGreaterThan(listCalls))
    await waitFor(() => expect(getOutboxSummary.mock.calls.length).toBeGreaterThan(summaryCalls))
  })

  it('says why a retry was refused (409)', async () => {
    const rows = [message({ key: 'email:opened:failing', attempts: 1, lastError: 'SMTP 451' })]
    const { api, retryOutboxMessage } = setup({ rows })
    retryOutboxMessage.mockRejectedValueOnce({ status: 409, title: 'Business rule broken', detail: 'The message was delivered already: there is nothing to retry.' })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await user.click(await screen.findByRole('button', { name: 'Retry Email message email:opened:failing' }))
    await act(async () => {
      await (confirmProps().onOk as () => Promise<unknown>)()
    })
    expect(toast.error).toHaveBeenCalledWith('The message was delivered already: there is nothing to retry.')
  })

  it('loads more with the cursor of the last page', async () => {
    const { api, getOutboxMessages } = setup({ rows: [message({ key: 'first-page' })], nextCursor: 'c2' })
    getOutboxMessages.mockResolvedValueOnce({ items: [message({ key: 'first-page' })], nextCursor: 'c2' })
    getOutboxMessages.mockResolvedValueOnce({ items: [message({ key: 'second-page' })], nextCursor: null })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops?state=Pending' })
    await screen.findByText('first-page')
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('second-page')).toBeInTheDocument()
    expect(getOutboxMessages).toHaveBeenLastCalledWith('Pending', undefined, 50, 'c2', expect.anything())
    expect(screen.getByText('first-page')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })
})

describe('Background Jobs: scheduled jobs', () => {
  it('lists the jobs with their trigger: schedule, state, next and previous fire', async () => {
    const { api } = setup({ jobs: [outboxJob(), outboxJob({ name: 'waiting-on-customer-reminder', jobType: 'WaitingOnCustomerReminderJob', triggers: [] })] })
    renderWithApp(<OpsPage />, { api, path: '/ops' })
    const jobs = screen.getByRole('region', { name: 'Scheduled jobs' })
    const row = (await within(jobs).findByText('outbox-processor')).closest('tr')!
    expect(row).toHaveTextContent('every 5 s')
    expect(within(row).getByText('Normal', { selector: '.status-tag' })).toBeInTheDocument()
    expect(row).toHaveTextContent(`${formatTimestamp('2026-11-25T10:00:05Z')} ·`) // next
    expect(row).toHaveTextContent(`${formatTimestamp('2026-11-25T10:00:00Z')} ·`) // previous
    const reminder = within(jobs).getByText('waiting-on-customer-reminder').closest('tr')!
    expect(reminder).toHaveTextContent('No trigger (runs when triggered)')
  })

  it('Run now asks, then triggers the job and says so', async () => {
    const { api, triggerJob, getJobs } = setup({ jobs: [outboxJob({ description: 'Delivers the due outbox messages.' })] })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await user.click(await screen.findByRole('button', { name: 'Run outbox-processor now' }))
    expect(confirmProps().title).toBe('Run “outbox-processor” now?')
    expect(triggerJob).not.toHaveBeenCalled()
    const jobCalls = getJobs.mock.calls.length
    await act(async () => {
      await (confirmProps().onOk as () => Promise<unknown>)()
    })
    expect(triggerJob).toHaveBeenCalledWith('workorders', 'outbox-processor')
    expect(toast.success).toHaveBeenCalledWith('“outbox-processor” started.')
    await waitFor(() => expect(getJobs.mock.calls.length).toBeGreaterThan(jobCalls))
  })

  it('a 404 (no such job on this node) is reported', async () => {
    const { api, triggerJob } = setup({ jobs: [outboxJob()] })
    triggerJob.mockRejectedValueOnce({ status: 404, title: 'Not found', detail: 'Job "workorders.outbox-processor" was not found.' })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await user.click(await screen.findByRole('button', { name: 'Run outbox-processor now' }))
    await act(async () => {
      await (confirmProps().onOk as () => Promise<unknown>)()
    })
    expect(toast.error).toHaveBeenCalledWith('Job "workorders.outbox-processor" was not found.')
  })
})

describe('Background Jobs: refresh', () => {
  it('refreshes everything every 10 s by itself, and at once with the Refresh button; shows when it was updated', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { api, getOutboxSummary, getOutboxMessages, getJobs } = setup({ jobs: [outboxJob()] })
    const { user } = renderWithApp(<OpsPage />, { api, path: '/ops' })
    await screen.findByText('outbox-processor')
    expect(screen.getByTestId('updated-at')).toHaveTextContent(/^Updated \d{1,2}:\d{2}:\d{2}/)
    const counts = () => [getOutboxSummary.mock.calls.length, getOutboxMessages.mock.calls.length, getJobs.mock.calls.length]
    expect(counts()).toEqual([1, 1, 1])

    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000)
    })
    await waitFor(() => expect(counts()).toEqual([2, 2, 2]))

    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(counts()).toEqual([3, 3, 3]))
  })
})

describe('Background Jobs: formatting', () => {
  it('describes Quartz schedules and durations compactly', () => {
    expect(describeSchedule('every 00:00:05')).toBe('every 5 s')
    expect(describeSchedule('every 01:00:00')).toBe('every 1 h')
    expect(describeSchedule('every 1.00:00:00')).toBe('every 24 h')
    expect(describeSchedule('cron 0 0 7 * * ?')).toBe('cron 0 0 7 * * ?')
    expect(describeSchedule(null)).toBe('—')
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h')
  })
})
