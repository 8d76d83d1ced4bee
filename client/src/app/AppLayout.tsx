import {
  ApiOutlined,
  DashboardOutlined,
  DownOutlined,
  LogoutOutlined,
  InboxOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons'
import { Button, Popover, Space, Spin, Tag, Tooltip } from 'antd'
import { Suspense, useState, type ReactNode } from 'react'
import { Link, useLocation } from 'wouter'
import { problemMessage, toProblem } from '../api/problem'
import { useMe, useSignOut } from '../features/auth/hooks'
import { canManageApiKeys, canManageUsers, canReadCustomers, canSeeOps, canSeeProviders, canSeeWorkOrders, roleLabels } from '../features/auth/roles'
import { useFeedback } from '../shared/feedback'
import { Brand } from './Brand'

interface NavItem {
  key: string
  label: string
  icon: ReactNode
  href?: string
  group?: string
}

/** The sections a role may use; sections of later releases are listed disabled ("soon"). */
export function navigation(roles: readonly string[]): NavItem[] {
  const items: NavItem[] = []
  if (canSeeWorkOrders(roles)) items.push({ key: 'queue', label: 'My Queue', icon: <InboxOutlined />, href: '/queue' })
  if (canReadCustomers(roles)) items.push({ key: 'customers', label: 'Customers', icon: <ShopOutlined />, href: '/customers' })
  if (canSeeWorkOrders(roles)) items.push({ key: 'work-orders', label: 'Work Orders', icon: <ToolOutlined />, href: '/work-orders' })
  if (canSeeProviders(roles)) items.push({ key: 'service-providers', label: 'Service Providers', icon: <TeamOutlined />, href: '/service-providers' })
  if (canSeeOps(roles)) items.push({ key: 'ops', label: 'Background Jobs', icon: <DashboardOutlined />, href: '/ops' })
  if (canManageUsers(roles)) items.push({ key: 'users', label: 'Users', icon: <UsergroupAddOutlined />, href: '/users', group: 'Administration' })
  if (canManageApiKeys(roles)) items.push({ key: 'api-keys', label: 'API Keys', icon: <ApiOutlined />, href: '/api-keys', group: 'Administration' })
  return items
}

function SideNav({ roles, section, collapsed }: { roles: readonly string[]; section: string; collapsed: boolean }) {
  const items = navigation(roles)
  return (
    <nav aria-label="Main" className="side-nav">
      <ul>
        {items.map((item, i) => {
          const startsGroup = item.group && item.group !== items[i - 1]?.group && !collapsed
          const heading = startsGroup ? (
            <li key={`group-${item.group}`} className="side-nav-group">
              {item.group}
            </li>
          ) : null
          const content = (
            <>
              <span className="side-nav-icon">{item.icon}</span>
              {!collapsed && <span className="side-nav-label">{item.label}</span>}
              {!collapsed && !item.href && <span className="soon">soon</span>}
            </>
          )
          return [
            heading,
            <li key={item.key}>
              {item.href ? (
                <Tooltip title={collapsed ? item.label : undefined} placement="right">
                  <Link href={item.href} className={section === item.key ? 'side-nav-item active' : 'side-nav-item'} aria-current={section === item.key ? 'page' : undefined}>
                    {content}
                  </Link>
                </Tooltip>
              ) : (
                <Tooltip title={`${item.label}: coming in a later release`} placement="right">
                  <span className="side-nav-item disabled" aria-disabled="true">
                    {content}
                  </span>
                </Tooltip>
              )}
            </li>,
          ]
        })}
      </ul>
    </nav>
  )
}

const initials = (name: string) =>
  name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe().data!
  const signOut = useSignOut()
  const [location, navigate] = useLocation()
  const { message } = useFeedback()
  const [collapsed, setCollapsed] = useState(() => window.matchMedia?.('(max-width: 991px)').matches ?? false)
  const [accountOpen, setAccountOpen] = useState(false)
  const section = location.split('/')[1] ?? ''
  const name = me.displayName || me.email

  const doSignOut = () => {
    setAccountOpen(false)
    signOut.mutate(undefined, {
      onSuccess: () => {
        message.success('Signed out.')
        navigate('/sign-in', { replace: true })
      },
      onError: (error) => {
        message.error(problemMessage(toProblem(error)))
        navigate('/sign-in', { replace: true })
      },
    })
  }

  const account = (
    <div className="account-card">
      <div className="cell-strong">{name}</div>
      <div className="muted">{me.email}</div>
      <div className="account-roles">
        {me.roles.map((role) => (
          <Tag key={role}>{roleLabels[role] ?? role}</Tag>
        ))}
      </div>
      <Button block danger icon={<LogoutOutlined />} onClick={doSignOut} loading={signOut.isPending}>
        Sign out
      </Button>
    </div>
  )

  return (
    <div className={collapsed ? 'shell collapsed' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="shell-sider">
        <Link href="/" aria-label="WorkOrders home">
          <Brand collapsed={collapsed} />
        </Link>
        <SideNav roles={me.roles} section={section} collapsed={collapsed} />
        <button
          type="button"
          className="sider-toggle"
          onClick={() => setCollapsed((c) => !c)}
          aria-label={collapsed ? 'Expand navigation' : 'Collapse navigation'}
          aria-expanded={!collapsed}
        >
          {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        </button>
      </aside>
      <div className="shell-main">
        <header className="shell-header">
          <span className="shell-section">{navigation(me.roles).find((i) => i.key === section)?.label ?? ''}</span>
          <Space size={12} align="center">
            <Space size={4} wrap={false} aria-label="Your roles" className="role-tags">
              {me.roles.map((role) => (
                <Tag key={role} color={role === 'Admin' ? 'geekblue' : 'blue'} variant="filled">
                  {roleLabels[role] ?? role}
                </Tag>
              ))}
            </Space>
            <Popover content={account} trigger="click" placement="bottomRight" open={accountOpen} onOpenChange={setAccountOpen}>
              <Button type="text" className="user-button" aria-label={`Account: ${name}`} aria-haspopup="dialog" data-testid="user-menu">
                <span className="avatar" aria-hidden>
                  {initials(name)}
                </span>
                <span className="user-name">{name}</span>
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Popover>
          </Space>
        </header>
        <main id="main" className="shell-content" tabIndex={-1}>
          <Suspense
            fallback={
              <div className="page-loading">
                <Spin />
              </div>
            }
          >
            {children}
          </Suspense>
        </main>
      </div>
    </div>
  )
}
