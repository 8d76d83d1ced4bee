import { DownOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import type { BulkAction } from '../../../api'
import { allowedBulkActions } from '../../auth/roles'
import { bulkActionLabels, dangerousActions } from './text'

const groups: BulkAction[][] = [
  ['Publish', 'AssignProvider', 'AssignTeam', 'SendToWorkMarket'],
  ['Complete', 'Cancel', 'Delete'],
  ['MarkInvoiced', 'MarkInvoiceNotRequired', 'ApprovePayment'],
]

/** The bulk actions these roles may run on the selection (the API answers 403 to the others: they are not offered). */
export function BulkMenu({ roles, count, onChoose }: { roles: readonly string[]; count: number; onChoose: (action: BulkAction) => void }) {
  const allowed = new Set(allowedBulkActions(roles))
  if (allowed.size === 0) return null
  const items = groups
    .map((group) => group.filter((a) => allowed.has(a)))
    .filter((group) => group.length > 0)
    .flatMap((group, i) => [
      ...(i > 0 ? [{ type: 'divider' as const }] : []),
      ...group.map((a) => ({ key: a, label: bulkActionLabels[a], danger: dangerousActions.has(a), onClick: () => onChoose(a) })),
    ])
  return (
    <Dropdown trigger={['click']} disabled={count === 0} menu={{ items }}>
      <Button size="small" type="primary" aria-label={`Bulk actions on ${count} selected`}>
        Bulk actions <DownOutlined />
      </Button>
    </Dropdown>
  )
}
