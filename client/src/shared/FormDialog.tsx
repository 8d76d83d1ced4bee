import { Form, Modal, type FormInstance } from 'antd'
import { useState, type ReactNode } from 'react'
import { applyProblemToForm } from './forms'
import { ProblemAlert } from './ProblemAlert'

interface Props<T> {
  open: boolean
  title: ReactNode
  okText: string
  danger?: boolean
  width?: number
  initialValues?: Partial<T>
  onCancel: () => void
  /** Resolves when saved (the dialog closes); rejects with the API error (shown on the fields). */
  onSubmit: (values: T) => Promise<unknown>
  children: ReactNode | ((form: FormInstance<T>) => ReactNode)
}

/** A modal form: Enter submits, server validation errors go to their fields, anything else above the form. */
export function FormDialog<T extends object>({ open, title, okText, danger, width = 560, initialValues, onCancel, onSubmit, children }: Props<T>) {
  const [form] = Form.useForm<T>()
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null)

  const submit = async (values: T) => {
    setFailure(null)
    setSubmitting(true)
    try {
      await onSubmit(values)
    } catch (error) {
      const { unplaced, problem } = applyProblemToForm(form, error)
      if (unplaced.length > 0 || Object.keys(problem.errors).length === 0) setFailure({ error, unplaced })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      okButtonProps={{ danger, htmlType: 'submit', loading: submitting, autoFocus: false }}
      cancelButtonProps={{ disabled: submitting }}
      onCancel={onCancel}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setFailure(null)
      }}
      modalRender={(dom) => (
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} className="dense-form" clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {failure && <ProblemAlert error={failure.error} extra={failure.unplaced} style={{ marginBottom: 12 }} />}
      {typeof children === 'function' ? children(form) : children}
    </Modal>
  )
}
