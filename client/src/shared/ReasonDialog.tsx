import { Form, Input } from 'antd'
import type { ReactNode } from 'react'
import { FormDialog } from './FormDialog'

interface Props {
  open: boolean
  title: ReactNode
  description?: ReactNode
  okText: string
  onCancel: () => void
  onConfirm: (reason: string | null) => Promise<unknown>
}

/** "Are you sure?" with an optional reason that the API records (deactivate a site, cancel a contract). */
export default function ReasonDialog({ open, title, description, okText, onCancel, onConfirm }: Props) {
  return (
    <FormDialog<{ reason?: string }>
      open={open}
      title={title}
      okText={okText}
      danger
      width={480}
      onCancel={onCancel}
      onSubmit={(values) => onConfirm(values.reason?.trim() || null)}
    >
      {description && <div style={{ marginBottom: 12 }}>{description}</div>}
      <Form.Item label="Reason (optional)" name="reason">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} showCount autoFocus />
      </Form.Item>
    </FormDialog>
  )
}
