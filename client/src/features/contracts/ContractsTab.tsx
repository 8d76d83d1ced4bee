import { PlusOutlined } from '@ant-design/icons'
import { Button, Table, Tooltip } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { lazy, useState } from 'react'
import type { ContractDto, CustomerDto } from '../../api'
import { formatDate } from '../../shared/format'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { LazyMount } from '../../shared/LazyMount'
import { StatusTag } from '../../shared/StatusTag'
import { useCancelContract, useContracts } from './api'

const AddContractDialog = lazy(() => import('./AddContractDialog'))
const ReasonDialog = lazy(() => import('../../shared/ReasonDialog'))
import { useFeedback } from '../../shared/feedback'

export function ContractsTab({ customer, canEdit }: { customer: CustomerDto; canEdit: boolean }) {
  const { message } = useFeedback()
  const contracts = useContracts(customer.id)
  const cancel = useCancelContract(customer.id)
  const [adding, setAdding] = useState(false)
  const [cancelling, setCancelling] = useState<ContractDto | null>(null)
  const active = customer.status === 'Active'

  const columns: ColumnsType<ContractDto> = [
    { title: 'Number', dataIndex: 'number', width: 140, render: (n: string) => <span className="cell-strong">{n}</span> },
    { title: 'Name', dataIndex: 'name' },
    { title: 'Start', dataIndex: 'startDate', width: 120, render: formatDate },
    { title: 'End', dataIndex: 'endDate', width: 120, render: (d?: string | null) => (d ? formatDate(d) : <span className="muted">Open-ended</span>) },
    {
      title: 'Status',
      dataIndex: 'status',
      width: 120,
      render: (status: string, c) =>
        c.cancellationReason ? (
          <Tooltip title={`${formatDate(c.cancelledAt)}: ${c.cancellationReason}`}>
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
      width: 100,
      align: 'right',
      render: (_, c) =>
        c.status === 'Active' && (
          <Button size="small" onClick={() => setCancelling(c)} aria-label={`Cancel contract ${c.number}`}>
            Cancel…
          </Button>
        ),
    })
  }

  return (
    <div data-testid="contracts-tab">
      <div className="tab-toolbar">
        <span className="muted">Service agreements of this customer.</span>
        {canEdit && (
          <Tooltip title={active ? undefined : 'Only active customers get new contracts'}>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!active}>
              Add contract
            </Button>
          </Tooltip>
        )}
      </div>
      {contracts.isError ? (
        <ProblemAlert error={contracts.error} onRetry={() => contracts.refetch()} />
      ) : (
        <Table<ContractDto>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={contracts.rows}
          loading={contracts.isPending}
          pagination={false}
          locale={{ emptyText: 'No contracts yet.' }}
          footer={
            contracts.hasNextPage
              ? () => (
                  <Button size="small" onClick={() => contracts.fetchNextPage()} loading={contracts.isFetchingNextPage}>
                    Load more
                  </Button>
                )
              : undefined
          }
        />
      )}
      <LazyMount when={adding}>
        <AddContractDialog customer={customer} open={adding} onClose={() => setAdding(false)} />
      </LazyMount>
      <LazyMount when={cancelling !== null}>
      <ReasonDialog
        open={cancelling !== null}
        title={`Cancel contract ${cancelling?.number ?? ''}?`}
        description="A cancelled contract cannot be reactivated."
        okText="Cancel contract"
        onCancel={() => setCancelling(null)}
        onConfirm={async (reason) => {
          await cancel.mutateAsync({ id: cancelling!.id, reason })
          message.success(`Contract ${cancelling!.number} cancelled.`)
          setCancelling(null)
        }}
      />
      </LazyMount>
    </div>
  )
}
