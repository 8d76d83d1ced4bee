import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useApi, type CreateContractCommand } from '../../api'
import { useCursorList } from '../../shared/paging'
import { customerKeys } from '../customers/api'

export function useContracts(customerId: string) {
  const api = useApi()
  return useCursorList(customerKeys.contracts(customerId), (cursor, signal) =>
    api.contracts.getContracts(customerId, undefined, 100, cursor, signal),
  )
}

export function useCreateContract(customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateContractCommand) => api.contracts.createContract(customerId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.contracts(customerId) }),
  })
}

export function useCancelContract(customerId: string) {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string | null }) => api.contracts.cancelContract(id, { reason: reason || null }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.contracts(customerId) }),
  })
}
