import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { toProblem } from './problem'

export const meKey = ['auth', 'me'] as const

/** TanStack Query defaults for the API: no retry of 4xx, a 401 anywhere signs the user out of the SPA. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => signedOutOn401(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => signedOutOn401(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          const { status } = toProblem(error)
          return status !== undefined && status < 500 ? false : failures < 2
        },
      },
      mutations: { retry: false },
    },
  })
  return client
}

function signedOutOn401(client: QueryClient, error: unknown) {
  if (toProblem(error).status === 401 && client.getQueryData(meKey)) {
    client.setQueryData(meKey, null)
  }
}
