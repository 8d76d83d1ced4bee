import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi, type Api, type AuthLoginRequest, type AuthMeDto } from '../../api'
import { toProblem } from '../../api/problem'
import { meKey } from '../../api/queryClient'

export const meQuery = (api: Api) => ({
  queryKey: meKey,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<AuthMeDto | null> => {
    try {
      return await api.auth.getMe(signal)
    } catch (error) {
      if (toProblem(error).status === 401) return null
      throw error
    }
  },
  staleTime: 5 * 60_000,
})

/** The signed-in user (null when signed out). Also refreshes the XSRF-TOKEN cookie. */
export function useMe() {
  return useQuery<AuthMeDto | null>(meQuery(useApi()))
}

export function useSignIn() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AuthLoginRequest) => api.auth.login(body),
    onSuccess: (me) => {
      // A different user may sign in on this tab: forget everything the previous one loaded.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] })
      client.setQueryData(meKey, me)
    },
  })
}

export function useSignOut() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.auth.logout(),
    onSettled: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] })
      client.setQueryData(meKey, null)
    },
  })
}
