// The dialogs of the status actions (reason, completion notes, provider): loaded with the first one opened.
import { Form, Input, Select } from 'antd'
import { useState } from 'react'
import type { WorkOrderAction, WorkOrderDto } from '../../../api'
import { FormDialog } from '../../../shared/FormDialog'
import ReasonDialog from '../../../shared/ReasonDialog'
import { useDebounced } from '../../../shared/useDebounced'
import { useActiveProviders } from '../api'
import type { ReasonDialogText } from './StatusActions'

interface Props {
  dialog: WorkOrderAction | null
  workOrder: WorkOrderDto
  reason: ReasonDialogText | null
  run: (action: WorkOrderAction, extra?: { reason?: string | null; providerId?: string }) => Promise<void>
  onClose: () => void
}

export default function StatusActionDialogs({ dialog, workOrder, reason, run, onClose }: Props) {
  return (
    <>
      <ReasonDialog
        open={reason !== null}
        title={reason?.title ?? ''}
        description={reason?.description}
        okText={reason?.okText ?? 'OK'}
        required={reason?.required}
        danger={reason?.danger ?? false}
        label={dialog === 'Cancel' ? 'Reason for cancelling' : 'Reason'}
        onCancel={onClose}
        onConfirm={(text) => run(dialog!, { reason: text })}
      />

      <FormDialog<{ notes?: string }>
        open={dialog === 'Complete'}
        title={`Complete ${workOrder.displayNumber}`}
        okText="Complete"
        onCancel={onClose}
        onSubmit={(values) => run('Complete', { reason: values.notes?.trim() || null })}
      >
        <p className="muted">The customer receives the work-order number and a PDF with these notes.</p>
        <Form.Item label="Completion notes (optional)" name="notes">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount autoFocus />
        </Form.Item>
      </FormDialog>

      <AssignDialog
        open={dialog === 'Assign'}
        workOrder={workOrder}
        onCancel={onClose}
        onAssign={(providerId) => run('Assign', { providerId })}
      />
    </>
  )
}

function AssignDialog({ open, workOrder, onCancel, onAssign }: { open: boolean; workOrder: WorkOrderDto; onCancel: () => void; onAssign: (providerId: string) => Promise<unknown> }) {
  const [search, setSearch] = useState('')
  const settled = useDebounced(search)
  const providers = useActiveProviders(settled, open)
  const options = (providers.data?.items ?? [])
    .filter((p) => p.id !== workOrder.providerId)
    .map((p) => ({ value: p.id, label: `${p.name}${p.isThirdParty ? ' (third party)' : ''} · ${p.email}` }))
  return (
    <FormDialog<{ providerId: string }>
      open={open}
      title={workOrder.status === 'Assigned' ? `Re-assign ${workOrder.displayNumber}` : `Assign ${workOrder.displayNumber}`}
      okText="Assign"
      onCancel={onCancel}
      onSubmit={(values) => onAssign(values.providerId)}
    >
      {workOrder.providerName && <p className="muted">Now assigned to {workOrder.providerName}.</p>}
      <Form.Item label="Service provider" name="providerId" rules={[{ required: true, message: 'Choose a service provider.' }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder="Search active providers by name"
          loading={providers.isFetching}
          options={options}
          notFoundContent={providers.isFetching ? 'Searching…' : 'No active provider matches.'}
          aria-label="Service provider"
        />
      </Form.Item>
    </FormDialog>
  )
}
