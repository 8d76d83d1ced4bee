import { Form, Input, Select } from 'antd'
import { useFeedback } from '../../shared/feedback'
import { text } from '../../shared/forms'
import { FormDialog } from '../../shared/FormDialog'
import { roleLabels, staffRoles } from '../auth/roles'
import { passwordHint, useCreateUser } from './api'

interface NewUserValues {
  email: string
  displayName?: string
  password: string
  roles: string[]
}

export function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = useFeedback()
  const create = useCreateUser()
  return (
    <FormDialog<NewUserValues>
      open={open}
      title="Add user"
      okText="Add user"
      onCancel={onClose}
      onSubmit={async (values) => {
        const user = await create.mutateAsync({
          email: values.email.trim(),
          displayName: text(values.displayName),
          password: values.password,
          roles: values.roles,
        })
        message.success(`User ${user.email} added.`)
        onClose()
      }}
    >
      <Form.Item label="E-mail" name="email" rules={[{ required: true, whitespace: true, message: 'Enter the e-mail address.' }]}>
        <Input inputMode="email" maxLength={256} autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item label="Display name" name="displayName">
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label="Password" name="password" extra={passwordHint} rules={[{ required: true, message: 'Enter a password.' }]}>
        <Input.Password maxLength={128} autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="Roles" name="roles" rules={[{ required: true, type: 'array', min: 1, message: 'Choose at least one role.' }]}>
        <Select<string[]> mode="multiple" aria-label="Roles" placeholder="Choose roles" options={staffRoles.map((r) => ({ value: r, label: roleLabels[r] ?? r }))} />
      </Form.Item>
    </FormDialog>
  )
}
