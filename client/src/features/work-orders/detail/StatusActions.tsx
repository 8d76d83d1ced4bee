import { Button, Space } from 'antd'
import { lazy, useState } from 'react'
import type { WorkOrderAction, WorkOrderDto } from '../../../api'
import { toProblem } from '../../../api/problem'
import { useFeedback } from '../../../shared/feedback'
import { LazyMount } from '../../../shared/LazyMount'
import { useTransitionWorkOrder } from '../api'
import { actionDone, actionLabels } from './labels'
import { offeredActions } from './model'

interface Props {
  workOrder: WorkOrderDto
  etag: string
  roles: readonly string[]
  /** A 409 (not allowed now) or 412 (changed by someone else): the page shows it with a refresh. */
  onConflict: (error: unknown) => void
}

const isConflict = (error: unknown) => {
  const status = toProblem(error).status
  return status === 409 || status === 412 || status === 428
}

// The dialogs (and the form engine they need) load with the first action that opens one.
const StatusActionDialogs = lazy(() => import('./StatusActionDialogs'))

type ReasonAction = Extract<WorkOrderAction, 'Cancel' | 'Unassign' | 'WaitForParts' | 'WaitForVendor' | 'WaitForCustomer'>

export type ReasonDialogText = { title: string; okText: string; description: string; required?: boolean; danger?: boolean }

const reasonDialogs: Record<ReasonAction, ReasonDialogText> = {
  Cancel: {
    title: 'Cancel this work order?',
    okText: 'Cancel work order',
    description: 'A cancelled work order cannot be reopened. The reason is recorded in its history.',
    required: true,
    danger: true,
  },
  Unassign: { title: 'Unassign this work order?', okText: 'Unassign', description: 'It goes back to Published, ready to be assigned again.' },
  WaitForParts: { title: 'Wait for parts', okText: 'Wait for parts', description: 'The customer is told that the work waits for parts.' },
  WaitForVendor: { title: 'Wait on the vendor', okText: 'Wait on vendor', description: 'The customer is told that the work waits on a vendor.' },
  WaitForCustomer: {
    title: 'Wait on the customer',
    okText: 'Wait on customer',
    description: 'The customer is told, and reminded after 3 days without a response.',
  },
}

/** The status-action buttons and their dialogs (reason, completion notes, provider). Every call carries If-Match. */
export function StatusActions({ workOrder, etag, roles, onConflict }: Props) {
  const { message } = useFeedback()
  const transition = useTransitionWorkOrder(workOrder.id)
  const [dialog, setDialog] = useState<WorkOrderAction | null>(null)
  const actions = offeredActions(workOrder, roles)
  if (actions.length === 0) return null

  /** Runs an action; a conflict goes to the page (and closes the dialog), anything else to the caller. */
  const run = async (action: WorkOrderAction, extra: { reason?: string | null; providerId?: string } = {}) => {
    try {
      const { data } = await transition.mutateAsync({ etag, body: { action, ...extra } })
      message.success(`${data.displayNumber} ${actionDone[action]}.`)
      setDialog(null)
    } catch (error) {
      if (!isConflict(error)) throw error
      setDialog(null)
      onConflict(error)
    }
  }

  const immediate = (action: WorkOrderAction) => () => {
    run(action).catch((error) => onConflict(error))
  }

  const reason = dialog && dialog in reasonDialogs ? reasonDialogs[dialog as ReasonAction] : null

  return (
    <>
      <Space wrap role="group" aria-label="Status actions">
        {actions.map((action) => {
          const needsDialog = action === 'Assign' || action === 'Complete' || action in reasonDialogs
          const label = action === 'Assign' && workOrder.status === 'Assigned' ? 'Re-assign…' : actionLabels[action]
          return (
            <Button
              key={action}
              type={action === 'Publish' || action === 'Start' || action === 'Resume' ? 'primary' : 'default'}
              danger={action === 'Cancel'}
              loading={transition.isPending && transition.variables?.body.action === action}
              disabled={transition.isPending && transition.variables?.body.action !== action}
              onClick={needsDialog ? () => setDialog(action) : immediate(action)}
            >
              {label}
            </Button>
          )
        })}
      </Space>

      <LazyMount when={dialog !== null}>
        <StatusActionDialogs dialog={dialog} workOrder={workOrder} reason={reason} run={run} onClose={() => setDialog(null)} />
      </LazyMount>
    </>
  )
}
