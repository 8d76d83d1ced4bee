import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useApi, type CreateAssetCommand } from '../../api'
import { useCursorList } from '../../shared/paging'
import { customerKeys } from '../customers/api'

export function useAssets(customerId: string, siteId: string | null) {
  const api = useApi()
  return useCursorList([...customerKeys.assets(customerId), siteId ?? 'all'], (cursor, signal) =>
    api.assets.getAssets(customerId, siteId ?? undefined, 100, cursor, signal),
  )
}

export function useCreateAsset(customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateAssetCommand) => api.assets.createAsset(customerId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.assets(customerId) }),
  })
}
