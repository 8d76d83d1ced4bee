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
  /** The reason must be given (e.g. cancelling a work order). */
  required?: boolean
  /** The field's label (default "Reason"). */
  label?: string
  /** A red confirm button (default: yes). */
  danger?: boolean
}

/** "Are you sure?" with an optional reason that the API records (deactivate a site, cancel a contract). */
export default function ReasonDialog({ open, title, description, okText, onCancel, onConfirm, required = false, label = 'Reason', danger = true }: Props) {
  return (
    <FormDialog<{ reason?: string }>
      open={open}
      title={title}
      okText={okText}
      danger={danger}
      width={480}
      onCancel={onCancel}
      onSubmit={(values) => onConfirm(values.reason?.trim() || null)}
    >
      {description && <div style={{ marginBottom: 12 }}>{description}</div>}
      <Form.Item
        label={required ? label : `${label} (optional)`}
        name="reason"
        rules={required ? [{ required: true, whitespace: true, message: `Enter the ${label.toLowerCase()}.` }] : undefined}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} showCount autoFocus />
      </Form.Item>
    </FormDialog>
  )
}
