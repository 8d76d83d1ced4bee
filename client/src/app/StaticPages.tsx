import { Button } from 'antd'
import { useLocation } from 'wouter'
import { useMe } from '../features/auth/hooks'
import { homePath } from '../features/auth/roles'
import { StatusPage } from '../shared/ui'

export function NotFoundPage() {
  const me = useMe().data
  const [, navigate] = useLocation()
  return (
    <StatusPage
      kind="notFound"
      title="Page not found"
      text="The link may be old, or the page moved."
      extra={
        <Button type="primary" onClick={() => navigate(homePath(me?.roles ?? []))}>
          Go to start page
        </Button>
      }
    />
  )
}

export function WelcomePage() {
  const me = useMe().data
  return (
    <StatusPage
      kind="info"
      title={`Welcome, ${me?.displayName || me?.email || ''}`}
      text="The pages for your role arrive in a later release. Use the navigation menu on the left once they are enabled."
    />
  )
}
