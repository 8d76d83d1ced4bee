// Small building blocks kept out of antd on purpose (bundle size): a status page, a form section.
import { ExclamationCircleOutlined, InfoCircleOutlined, LockOutlined, QuestionCircleOutlined } from '@ant-design/icons'
import type { ReactNode } from 'react'

const icons = {
  info: <InfoCircleOutlined style={{ color: '#1d5fbf' }} />,
  warning: <ExclamationCircleOutlined style={{ color: '#c77700' }} />,
  forbidden: <LockOutlined style={{ color: '#8c8c8c' }} />,
  notFound: <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />,
}

/** A whole-area message: not found, no access, cannot load. */
export function StatusPage({ kind, title, text, extra }: { kind: keyof typeof icons; title: string; text?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="status-page" role={kind === 'warning' ? 'alert' : undefined}>
      <div className="status-page-icon" aria-hidden>
        {icons[kind]}
      </div>
      <h2>{title}</h2>
      {text && <p className="muted">{text}</p>}
      {extra && <div>{extra}</div>}
    </div>
  )
}

/** A titled group of form fields. */
export function Section({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="form-section">
      <header>
        <h4>{title}</h4>
        {extra && <div className="form-section-extra">{extra}</div>}
      </header>
      <div className="form-section-body">{children}</div>
    </section>
  )
}
