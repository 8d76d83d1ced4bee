import { LockOutlined, MailOutlined } from '@ant-design/icons'
import { Button, Form, Input } from 'antd'
import { useState } from 'react'
import { Redirect, useLocation, useSearchParams } from 'wouter'
import type { AuthLoginRequest } from '../../api'
import { applyProblemToForm } from '../../shared/forms'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { Brand } from '../../app/Brand'
import { useMe, useSignIn } from './hooks'
import { homePath } from './roles'

/** Only paths of this app: never an absolute or protocol-relative URL from the query string. */
function safeReturnTo(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : null
}

export default function SignInPage() {
  const [form] = Form.useForm<AuthLoginRequest>()
  const [params] = useSearchParams()
  const [, navigate] = useLocation()
  const me = useMe()
  const signIn = useSignIn()
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null)
  const returnTo = safeReturnTo(params.get('returnTo'))

  if (me.data && !signIn.isPending) {
    return <Redirect to={returnTo ?? homePath(me.data.roles)} replace />
  }

  const submit = async (values: AuthLoginRequest) => {
    setFailure(null)
    try {
      const user = await signIn.mutateAsync({ email: values.email.trim(), password: values.password })
      navigate(returnTo ?? homePath(user.roles), { replace: true })
    } catch (error) {
      const { unplaced } = applyProblemToForm(form, error)
      setFailure({ error, unplaced })
    }
  }

  return (
    <div className="sign-in">
      <main className="sign-in-card">
        <div style={{ marginBottom: 20 }}>
          <Brand dark={false} />
        </div>
        <h1 className="sign-in-title">Sign in</h1>
        <p className="muted sign-in-hint">Office staff: use your WorkOrders account.</p>
        {failure && (
          <ProblemAlert error={failure.error} extra={failure.unplaced} title="Sign-in failed" style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={signIn.isPending} autoComplete="on">
          <Form.Item
            label="E-mail"
            name="email"
            rules={[{ required: true, whitespace: true, message: 'Enter your e-mail address.' }]}
          >
            <Input prefix={<MailOutlined />} type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Password" name="password" rules={[{ required: true, message: 'Enter your password.' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            Sign in
          </Button>
        </Form>
      </main>
    </div>
  )
}
