import { PlusOutlined } from '@ant-design/icons'
import { Button, Table, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, useState } from 'react'
import type { CustomerDto, SiteDto } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { addressOneLine, formatDate } from '../../shared/format'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { LazyMount } from '../../shared/LazyMount'
import { StatusTag } from '../../shared/StatusTag'
import { useChangeSiteStatus, useSites } from './api'

const AddSiteDialog = lazy(() => import('./AddSiteDialog'))
const ReasonDialog = lazy(() => import('../../shared/ReasonDialog'))
import { useFeedback } from '../../shared/feedback'

export function SitesTab({ customer, canEdit }: { customer: CustomerDto; canEdit: boolean }) {
  const { message } = useFeedback()
  const sites = useSites(customer.id)
  const changeStatus = useChangeSiteStatus(customer.id)
  const [adding, setAdding] = useState(false)
  const [deactivating, setDeactivating] = useState<SiteDto | null>(null)
  const active = customer.status === 'Active'

  const reactivate = async (site: SiteDto) => {
    try {
      await changeStatus.mutateAsync({ id: site.id, action: 'reactivate' })
      message.success(`Site “${site.name}” reactivated.`)
    } catch (error) {
      message.error(problemMessage(toProblem(error)))
    }
  }

  const columns: ColumnsType<SiteDto> = [
    {
      title: 'Site',
      dataIndex: 'name',
      render: (name: string, site) => (
        <div>
          <div className="cell-strong">{name}</div>
          <div className="cell-sub">{addressOneLine(site.address) || <span className="muted">No address</span>}</div>
        </div>
      ),
    },
    {
      title: 'Contact',
      key: 'contact',
      render: (_, site) => (
        <div>
          <div>{site.contact.name}</div>
          <div className="cell-sub">
            <a href={`mailto:${site.contact.email}`}>{site.contact.email}</a>
            {site.contact.phone && <> · {site.contact.phone}</>}
          </div>
        </div>
      ),
    },
    {
      title: 'Status',
      dataIndex: 'status',
      width: 120,
      render: (status: string, site) =>
        site.deactivatedAt ? (
          <Tooltip title={`${formatDate(site.deactivatedAt)}${site.deactivationReason ? `: ${site.deactivationReason}` : ''}`}>
            <span>
              <StatusTag status={status} />
            </span>
          </Tooltip>
        ) : (
          <StatusTag status={status} />
        ),
    },
  ]
  if (canEdit) {
    columns.push({
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      width: 110,
      align: 'right',
      render: (_, site) =>
        site.status === 'Active' ? (
          <Button size="small" onClick={() => setDeactivating(site)} aria-label={`Deactivate site ${site.name}`}>
            Deactivate
          </Button>
        ) : (
          <Tooltip title={active ? undefined : 'Reactivate the customer first'}>
            <Button
              size="small"
              onClick={() => reactivate(site)}
              disabled={!active}
              loading={changeStatus.isPending && changeStatus.variables?.id === site.id}
              aria-label={`Reactivate site ${site.name}`}
            >
              Reactivate
            </Button>
          </Tooltip>
        ),
    })
  }

  return (
    <div data-testid="sites-tab">
      <div className="tab-toolbar">
        <span className="muted">Work is performed at sites; assets are located at them.</span>
        {canEdit && (
          <Tooltip title={active ? undefined : 'Only active customers get new sites'}>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!active}>
              Add site
            </Button>
          </Tooltip>
        )}
      </div>
      {sites.isError ? (
        <ProblemAlert error={sites.error} onRetry={() => sites.refetch()} />
      ) : (
        <Table<SiteDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={sites.rows}
          loading={sites.isPending}
          pagination={false}
          locale={{ emptyText: 'No sites yet.' }}
          footer={
            sites.hasNextPage
              ? () => (
                  <Button size="small" onClick={() => sites.fetchNextPage()} loading={sites.isFetchingNextPage}>
                    Load more
                  </Button>
                )
              : undefined
          }
        />
      )}
      <LazyMount when={adding}>
      <AddSiteDialog
        customer={customer}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(name) => {
          setAdding(false)
          message.success(`Site “${name}” added.`)
        }}
      />
      </LazyMount>
      <LazyMount when={deactivating !== null}>
      <ReasonDialog
        open={deactivating !== null}
        title={`Deactivate site “${deactivating?.name ?? ''}”?`}
        description="No new work is planned at a deactivated site. You can reactivate it later."
        okText="Deactivate site"
        onCancel={() => setDeactivating(null)}
        onConfirm={async (reason) => {
          await changeStatus.mutateAsync({ id: deactivating!.id, action: 'deactivate', reason })
          message.success(`Site “${deactivating!.name}” deactivated.`)
          setDeactivating(null)
        }}
      />
      </LazyMount>
    </div>
  )
}
