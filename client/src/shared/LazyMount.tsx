import { Suspense, useState, type ReactNode } from 'react'

/**
 * Mounts lazily loaded content (a dialog) the first time `when` is true, and keeps it mounted afterwards
 * so that closing animates. Until then its code is not even downloaded.
 */
export function LazyMount({ when, children }: { when: boolean; children: ReactNode }) {
  const [used, setUsed] = useState(when)
  if (when && !used) setUsed(true)
  return used ? <Suspense fallback={null}>{children}</Suspense> : null
}

/** Starts downloading chunks when the browser is idle, so a later click opens them at once. */
export function prefetchWhenIdle(...loaders: (() => Promise<unknown>)[]) {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 300))
  idle(() => loaders.forEach((load) => void load().catch(() => undefined)))
}
