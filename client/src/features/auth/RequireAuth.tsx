import { Button, Spin } from 'antd'
import type { ReactNode } from 'react'
import { Redirect, useLocation, useSearch } from 'wouter'
import { problemMessage, toProblem } from '../../api/problem'
import { StatusPage } from '../../shared/ui'
import { useMe } from './hooks'

/** Renders its children for a signed-in user; otherwise sends them to the sign-in page and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe()
  const [location] = useLocation()
  const query = useSearch()
  if (me.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    )
  }
  if (me.isError) {
    return (
      <StatusPage
        kind="warning"
        title="Cannot load your session"
        text={problemMessage(toProblem(me.error))}
        extra={<Button onClick={() => me.refetch()}>Try again</Button>}
      />
    )
  }
  if (!me.data) {
    const returnTo = location + (query ? `?${query}` : '')
    const search = returnTo && returnTo !== '/' ? `?returnTo=${encodeURIComponent(returnTo)}` : ''
    return <Redirect to={`/sign-in${search}`} replace />
  }
  return <>{children}</>
}

/** Shows a 403 page instead of children when the user's roles do not allow the page. */
export function RequireRole({ allowed, children }: { allowed: (roles: readonly string[]) => boolean; children: ReactNode }) {
  const me = useMe()
  if (me.data && !allowed(me.data.roles)) {
    return <StatusPage kind="forbidden" title="No access" text="Your role does not give access to this page." />
  }
  return <>{children}</>
}
