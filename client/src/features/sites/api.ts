import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useApi, type CreateSiteCommand } from '../../api'
import { useCursorList } from '../../shared/paging'
import { customerKeys } from '../customers/api'

const PAGE = 100

export function useSites(customerId: string) {
  const api = useApi()
  return useCursorList(customerKeys.sites(customerId), (cursor, signal) =>
    api.sites.getSites(customerId, undefined, PAGE, cursor, signal),
  )
}

export function useCreateSite(customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateSiteCommand) => api.sites.createSite(customerId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.sites(customerId) }),
  })
}

export function useChangeSiteStatus(customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'deactivate' | 'reactivate'; reason?: string | null }) =>
      action === 'deactivate' ? api.sites.deactivateSite(id, { reason: reason || null }) : api.sites.reactivateSite(id),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.sites(customerId) }),
  })
}
