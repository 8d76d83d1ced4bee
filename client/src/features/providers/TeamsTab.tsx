import { PlusOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Empty, Form, Input, Select, Table, Tag, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { TeamDto } from '../../api'
import { useFeedback } from '../../shared/feedback'
import { FormDialog } from '../../shared/FormDialog'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { StatusTag } from '../../shared/StatusTag'
import { useDebounced } from '../../shared/useDebounced'
import { tagList } from '../users/tagList'
import { kindLabels, useCreateTeam, useProviderOptions, useProvidersByIds, useTeams } from './api'

/** The teams: a named group of providers that work orders can be assigned to. */
export function TeamsTab({ canManage }: { canManage: boolean }) {
  const teams = useTeams()
  const [creating, setCreating] = useState(false)
  const rows = teams.data ?? []
  const members = useProvidersByIds(rows.flatMap((t) => t.memberIds))

  const columns: ColumnsType<TeamDto> = [
    { title: 'Team', dataIndex: 'name', width: 260, render: (name: string) => <span className="cell-strong">{name}</span> },
    {
      title: 'Members',
      dataIndex: 'memberIds',
      render: (ids: string[], row) =>
        ids.length === 0 ? (
          <span className="muted">No members</span>
        ) : (
          <ul style={tagList} aria-label={`Members of ${row.name}`}>
            {ids.map((id) => {
              const p = members.data?.get(id)
              return (
                <li key={id}>
                  <Tag title={p ? kindLabels[p.kind] : undefined}>{p?.name ?? (members.isPending ? '…' : 'Unknown provider')}</Tag>
                </li>
              )
            })}
          </ul>
        ),
    },
    { title: 'Active', dataIndex: 'isActive', width: 110, render: (a: boolean) => <StatusTag status={a ? 'Active' : 'Deactivated'} /> },
  ]

  return (
    <section className="grid-card" aria-label="Teams">
      <div className="grid-toolbar">
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            New team
          </Button>
        )}
        <Tooltip title="Refresh">
          <Button icon={<ReloadOutlined />} onClick={() => teams.refetch()} loading={teams.isFetching && !teams.isPending} aria-label="Refresh teams" />
        </Tooltip>
        <span className="muted">A team’s members are chosen when it is created.</span>
      </div>
      {teams.isError ? (
        <ProblemAlert error={teams.error} title="Could not load the teams" onRetry={() => teams.refetch()} style={{ margin: 12 }} />
      ) : (
        <Table<TeamDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={teams.isPending}
          pagination={false}
          rowClassName={(row) => (row.isActive ? '' : 'row-muted')}
          locale={{ emptyText: teams.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No teams yet." /> }}
        />
      )}
      {canManage && <NewTeamDialog open={creating} onClose={() => setCreating(false)} />}
    </section>
  )
}

/** Picks providers by name (searched on the server); the chosen ones keep their names while the search changes. */
export function ProviderPicker({ value, onChange, id }: { value?: string[]; onChange?: (ids: string[]) => void; id?: string }) {
  const [search, setSearch] = useState('')
  const debounced = useDebounced(search)
  const options = useProviderOptions(debounced)
  const [known, setKnown] = useState<Map<string, string>>(() => new Map())
  const found = (options.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${kindLabels[p.kind]}${p.isActive ? '' : ' (inactive)'}` }))
  if (found.some((o) => known.get(o.value) !== o.label)) setKnown(new Map([...known, ...found.map((o) => [o.value, o.label] as const)]))
  const chosen = (value ?? []).filter((v) => !found.some((o) => o.value === v)).map((v) => ({ value: v, label: known.get(v) ?? v }))
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      aria-label="Members"
      value={value}
      onChange={onChange}
      placeholder="Search providers by name"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={options.isFetching}
      notFoundContent={options.isFetching ? 'Searching…' : 'No providers found'}
      options={[...found, ...chosen]}
    />
  )
}

function NewTeamDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = useFeedback()
  const create = useCreateTeam()
  return (
    <FormDialog<{ name: string; memberIds?: string[] }>
      open={open}
      title="New team"
      okText="Create team"
      onCancel={onClose}
      onSubmit={async (values) => {
        const team = await create.mutateAsync({ name: values.name.trim(), memberIds: values.memberIds ?? [] })
        message.success(`Team “${team.name}” created with ${team.memberIds.length} member${team.memberIds.length === 1 ? '' : 's'}.`)
        onClose()
      }}
    >
      <Form.Item label="Team name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the team’s name.' }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item label="Members" name="memberIds" extra="The providers in this team. They cannot be changed after the team is created (the API has no membership update yet).">
        <ProviderPicker />
      </Form.Item>
    </FormDialog>
  )
}
