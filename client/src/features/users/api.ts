// The users data layer (Admin only): TanStack Query over the generated client.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useApi, type CreateUserCommand } from '../../api'

export const userKeys = {
  all: ['users'] as const,
}

/** Every user (the API answers one list, ordered by e-mail). `enabled: false` for roles that may not read users. */
export function useUsers(enabled = true) {
  const api = useApi()
  return useQuery({
    queryKey: userKeys.all,
    enabled,
    queryFn: ({ signal }) => api.users.getUsers(signal),
  })
}

export function useCreateUser() {
  const api = useApi()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateUserCommand) => api.users.createUser(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: userKeys.all }),
  })
}

/** The API's password policy (Identity options in Infrastructure), said up front; the API's own words win on failure. */
export const passwordHint = 'At least 12 characters, with an upper-case and a lower-case letter, a digit and a symbol.'

