import { Alert, Button } from 'antd'
import { problemMessage, toProblem, type Problem } from '../api/problem'

interface Props {
  error: unknown
  /** Messages that belong to no field of the form (from applyProblemToForm). */
  extra?: string[]
  title?: string
  onRetry?: () => void
  /** The retry button's text (default "Retry"; e.g. "Refresh" after a conflict). */
  retryText?: string
  style?: React.CSSProperties
}

/** An API failure shown in place: what went wrong, the server's reason, and a way to retry. */
export function ProblemAlert({ error, extra = [], title, onRetry, retryText = 'Retry', style }: Props) {
  const problem: Problem = toProblem(error)
  const detail = problemMessage(problem)
  const lines = [...new Set([detail, ...extra])].filter((line) => line && line !== (title ?? problem.title))
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={title ?? (problem.status === 412 ? 'Changed by someone else' : problem.title)}
      description={
        lines.length > 0 || problem.traceId ? (
          <>
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {problem.status !== undefined && problem.status >= 500 && problem.traceId && (
              <div style={{ opacity: 0.7, fontSize: 12 }}>Trace id: {problem.traceId}</div>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {retryText}
          </Button>
        ) : undefined
      }
    />
  )
}
