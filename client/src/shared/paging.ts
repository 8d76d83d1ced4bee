import { useInfiniteQuery } from '@tanstack/react-query'

export interface CursorPage<T> {
  items: T[]
  nextCursor?: string | null
}

/** A keyset-paged list read page after page ("Load more"); `rows` is every page loaded so far. */
export function useCursorList<T>(key: readonly unknown[], fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: key,
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const rows = query.data?.pages.flatMap((p) => p.items) ?? []
  return { ...query, rows }
}
