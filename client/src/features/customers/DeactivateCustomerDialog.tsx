import { Alert, Button, Form, Input, Modal, Spin } from 'antd'
import { useEffect, useState } from 'react'
import type { DeactivationImpact, DeactivationResultDto } from '../../api'
import { problemMessage, toProblem } from '../../api/problem'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { useDeactivateCustomer } from './api'
import { useFeedback } from '../../shared/feedback'

const nouns: Record<string, [string, string]> = {
  sites: ['site', 'sites'],
  contracts: ['active contract', 'active contracts'],
  workorders: ['open work event', 'open work events'],
  'work-orders': ['open work event', 'open work events'],
  'work orders': ['open work event', 'open work events'],
  tasks: ['task', 'tasks'],
}

/** "1 site will be deactivated", "3 open work events will be cancelled". */
export function describeImpact(impact: DeactivationImpact, future = true): string {
  const [one, many] = nouns[impact.kind.toLowerCase()] ?? [impact.kind, impact.kind]
  const noun = impact.count === 1 ? one : many
  return `${impact.count} ${noun} ${future ? 'will be' : impact.count === 1 ? 'was' : 'were'} ${impact.change}`
}

export function summarize(result: DeactivationResultDto): string {
  const changed = result.changes.filter((c) => c.count > 0)
  return changed.length ? changed.map((c) => describeImpact(c, false)).join(', ') : 'nothing else changed'
}

interface Props {
  customer: { id: string; name: string } | null
  onClose: () => void
}

/**
 * Deactivation in two steps: a dry run shows the blast radius (what would be deactivated or cancelled),
 * with a CAUTION; only then can the user confirm the real thing.
 */
export function DeactivateCustomerDialog({ customer, onClose }: Props) {
  return (
    <Modal
      open={customer !== null}
      title={customer ? `Deactivate “${customer.name}”?` : 'Deactivate customer'}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      mask={{ closable: false }}
      footer={null}
    >
      {/* Mounted afresh on every opening: each opening runs its own dry run. */}
      {customer && <DeactivationSteps customer={customer} onClose={onClose} />}
    </Modal>
  )
}

function DeactivationSteps({ customer, onClose }: { customer: { id: string; name: string }; onClose: () => void }) {
  const { message } = useFeedback()
  const preview = useDeactivateCustomer()
  const confirm = useDeactivateCustomer()
  const [reason, setReason] = useState('')
  const { mutate: runPreview } = preview

  useEffect(() => runPreview({ id: customer.id, dryRun: true }), [runPreview, customer.id])

  const result = preview.data
  const total = result?.changes.reduce((sum, c) => sum + c.count, 0) ?? 0

  const doDeactivate = async () => {
    try {
      const done = await confirm.mutateAsync({ id: customer.id, reason: reason.trim() || null, dryRun: false })
      message.success(`“${customer.name}” deactivated: ${summarize(done)}.`)
      onClose()
    } catch (error) {
      message.error(problemMessage(toProblem(error)))
    }
  }

  return (
    <>
      {preview.isPending && (
        <div className="dialog-loading">
          <Spin description="Checking what deactivation would change…" />
        </div>
      )}
      {preview.isError && (
        <ProblemAlert error={preview.error} title="Cannot deactivate" onRetry={() => runPreview({ id: customer.id, dryRun: true })} />
      )}
      {result && (
        <div className="blast-radius" data-testid="blast-radius">
          <Alert
            type="error"
            showIcon
            title={<b>CAUTION</b>}
            description={
              <>
                Deactivating this customer also <b>deactivates all of its sites</b>, <b>cancels its active contracts</b> and{' '}
                <b>cancels all of its open work events</b>, with the reason below. Reactivating the customer later does not
                undo this: contracts and work events stay cancelled, and sites must be reactivated one by one.
              </>
            }
          />
          <h4 className="section-title">What will change</h4>
          {total === 0 ? (
            <p>
              Nothing else: the customer has no active sites, active contracts or open work events. Only the customer is
              deactivated.
            </p>
          ) : (
            <ul className="impact-list">
              {result.changes
                .filter((c) => c.count > 0)
                .map((change) => (
                  <li key={change.kind}>
                    <details open={change.count <= 5}>
                      <summary>
                        <b>{describeImpact(change)}</b>
                      </summary>
                      <ul>
                        {change.items.map((item) => (
                          <li key={item.id}>{item.name}</li>
                        ))}
                        {change.count > change.items.length && (
                          <li className="muted">…and {change.count - change.items.length} more</li>
                        )}
                      </ul>
                    </details>
                  </li>
                ))}
            </ul>
          )}
          <Form layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item label="Reason (recorded on everything that is cancelled)" style={{ marginBottom: 0 }}>
              <Input.TextArea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder={result.reason}
                maxLength={500}
                showCount
                autoSize={{ minRows: 2, maxRows: 4 }}
                aria-label="Reason"
              />
            </Form.Item>
          </Form>
        </div>
      )}
      <div className="dialog-footer">
        <Button onClick={onClose} disabled={confirm.isPending}>
          Cancel
        </Button>
        <Button type="primary" danger onClick={doDeactivate} loading={confirm.isPending} disabled={!result} data-testid="confirm-deactivate">
          Deactivate customer
        </Button>
      </div>
    </>
  )
}
