import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Empty, Input, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, useState } from 'react'
import type { UserSummary } from '../../api'
import { LazyMount } from '../../shared/LazyMount'
import { PageHeader } from '../../shared/PageHeader'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { roleLabels } from '../auth/roles'
import { useUsers } from './api'
import { tagList } from './tagList'

// The form (and the form engine) loads with the first "Add user".
const NewUserDialog = lazy(() => import('./NewUserDialog').then((m) => ({ default: m.NewUserDialog })))

/** Users (Admin): who may sign in, with which roles; add a user. */
export default function UsersPage() {
  const users = useUsers()
  const [creating, setCreating] = useState(false)
  const [filter, setFilter] = useState('')
  const term = filter.trim().toLowerCase()
  const rows = (users.data ?? []).filter(
    (u) => !term || u.email.toLowerCase().includes(term) || (u.displayName ?? '').toLowerCase().includes(term),
  )

  const columns: ColumnsType<UserSummary> = [
    { title: 'E-mail', dataIndex: 'email', render: (email: string) => <span className="cell-strong">{email}</span> },
    { title: 'Name', dataIndex: 'displayName', width: 220, render: (n?: string | null) => n || <span className="muted">—</span> },
    {
      title: 'Roles',
      dataIndex: 'roles',
      width: 360,
      render: (roles: string[], row) => (
        <ul style={tagList} aria-label={`Roles of ${row.email}`}>
          {roles.map((r) => (
            <li key={r}>
              <Tag color={r === 'Admin' ? 'geekblue' : 'blue'}>{roleLabels[r] ?? r}</Tag>
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: 'Sign-in',
      dataIndex: 'lockedOut',
      width: 130,
      render: (locked: boolean) => (locked ? <Tag color="red">Locked out</Tag> : <Tag color="green">Allowed</Tag>),
    },
  ]

  return (
    <div className="users-page">
      <PageHeader
        title="Users"
        subTitle="Staff who sign in to WorkOrders, and their roles. A user is locked out for 15 minutes after 5 wrong passwords."
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Add user
          </Button>
        }
      />
      <section className="grid-card" aria-label="Users">
        <div className="grid-toolbar">
          <Input
            allowClear
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Filter by e-mail or name"
            aria-label="Filter users by e-mail or name"
            prefix={<SearchOutlined className="muted" />}
            style={{ width: 300 }}
          />
          <Tooltip title="Refresh">
            <Button icon={<ReloadOutlined />} onClick={() => users.refetch()} loading={users.isFetching && !users.isPending} aria-label="Refresh" />
          </Tooltip>
        </div>
        {users.isError ? (
          <ProblemAlert error={users.error} title="Could not load the users" onRetry={() => users.refetch()} style={{ margin: 12 }} />
        ) : (
          <Table<UserSummary>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={users.isPending}
            pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
            locale={{ emptyText: users.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={term ? 'No users match the filter.' : 'No users.'} /> }}
          />
        )}
      </section>
      <LazyMount when={creating}>
        <NewUserDialog open={creating} onClose={() => setCreating(false)} />
      </LazyMount>
    </div>
  )
}
