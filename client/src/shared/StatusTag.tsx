import { Tag } from 'antd'

const colors: Record<string, string> = {
  Active: 'green',
  Deactivated: 'default',
  Cancelled: 'red',
  Expired: 'orange',
}

const labels: Record<string, string> = { Deactivated: 'Deactivated', Active: 'Active', Cancelled: 'Cancelled', Expired: 'Expired' }

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={colors[status] ?? 'default'} variant="filled" className="status-tag">
      {labels[status] ?? status}
    </Tag>
  )
}
