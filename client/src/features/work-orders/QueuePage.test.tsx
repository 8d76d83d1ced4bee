import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, renderWithApp, userWith } from '../../test/render'
import { woItem } from './list/testData'
import QueuePage from './QueuePage'

describe('open-work queue', () => {
  it('asks for mine=true, links each work order, sums up what is loaded, and loads more', async () => {
    const getWorkOrders = vi
      .fn()
      .mockResolvedValueOnce({ items: [woItem({ number: 7, status: 'Published' }), woItem({ number: 8, status: 'Assigned' }), woItem({ number: 9, status: 'Published' })], nextCursor: 'next' })
      .mockResolvedValueOnce({ items: [woItem({ number: 10, status: 'WaitingParts' })], nextCursor: null })
    const { api } = fakeApi({ workOrders: { getWorkOrders } })
    const { user } = renderWithApp(<QueuePage />, { api, path: '/queue' })
    const link = await screen.findByRole('link', { name: 'WO-000007' })
    expect(link).toHaveAttribute('href', '/work-orders/00000000-0000-4000-8000-000000000007')
    // mine (15th argument) is the queue; oldest first.
    expect(getWorkOrders.mock.calls[0][14]).toBe(true)
    expect(getWorkOrders.mock.calls[0][15]).toBe('Oldest')
    expect(screen.getByTestId('queue-summary')).toHaveTextContent('3 loaded (more below): 2 Published · 1 Assigned')
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await screen.findByRole('link', { name: 'WO-000010' })
    expect(getWorkOrders.mock.calls[1][17]).toBe('next')
    await waitFor(() => expect(screen.getByTestId('queue-summary')).toHaveTextContent('4 loaded: 2 Published · 1 Assigned · 1 Waiting for parts'))
  })

  it('says when the queue is empty', async () => {
    const { api } = fakeApi({ workOrders: { getWorkOrders: vi.fn(async () => ({ items: [], nextCursor: null })) } })
    renderWithApp(<QueuePage />, { api, path: '/queue', me: userWith('Technician') })
    const empty = await screen.findByText('Your queue is empty')
    expect(empty).toBeInTheDocument()
    // A technician does not open work orders from here.
    expect(within(document.body).queryByRole('button', { name: /New Work Order/ })).not.toBeInTheDocument()
  })
})
