import type { ReactNode } from 'react'
import { Link } from 'wouter'

interface Props {
  title: ReactNode
  /** Ancestors: [label, link] pairs. */
  trail?: [string, string][]
  subTitle?: ReactNode
  tags?: ReactNode
  actions?: ReactNode
}

export function PageHeader({ title, trail = [], subTitle, tags, actions }: Props) {
  return (
    <header className="page-header">
      {trail.length > 0 && (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          {trail.map(([label, to]) => (
            <span key={to}>
              <Link href={to}>{label}</Link>
              <span className="breadcrumb-sep" aria-hidden>
                /
              </span>
            </span>
          ))}
          <span aria-current="page">{typeof title === 'string' ? title : ''}</span>
        </nav>
      )}
      <div className="page-header-row">
        <div className="page-header-title">
          <h1 className="page-title">{title}</h1>
          {tags}
          {subTitle && <span className="muted">{subTitle}</span>}
        </div>
        {actions && <div className="page-header-actions">{actions}</div>}
      </div>
    </header>
  )
}
