import type { WorkOrderCategory, WorkOrderDto } from '../../../api'
import { toProblem } from '../../../api/problem'
import { FormDialog } from '../../../shared/FormDialog'
import { text } from '../../../shared/forms'
import { useUpdateWorkOrder } from '../api'
import { fromLocalInput, toLocalInput } from './dates'
import { WorkOrderDetailFields } from './WorkOrderDetailFields'

interface Values {
  title: string
  serviceRequested: string
  instructions?: string
  materials?: string
  category: WorkOrderCategory
  scheduledStart?: string
  scheduledEnd?: string
}

/** Edits the details on the version read (If-Match). A 412 reloads the work order and says why. */
export function EditWorkOrderDialog({ open, workOrder, etag, onClose, reload }: { open: boolean; workOrder: WorkOrderDto; etag: string; onClose: () => void; reload: () => void }) {
  const update = useUpdateWorkOrder(workOrder.id)
  return (
    <FormDialog<Values>
      open={open}
      title={`Edit ${workOrder.displayNumber}`}
      okText="Save changes"
      width={720}
      initialValues={{
        title: workOrder.title,
        serviceRequested: workOrder.serviceRequested,
        instructions: workOrder.instructions ?? '',
        materials: workOrder.materials ?? '',
        category: workOrder.category,
        scheduledStart: toLocalInput(workOrder.scheduledStart),
        scheduledEnd: toLocalInput(workOrder.scheduledEnd),
      }}
      onCancel={onClose}
      onSubmit={async (values) => {
        try {
          await update.mutateAsync({
            etag,
            body: {
              title: text(values.title) ?? '',
              serviceRequested: text(values.serviceRequested) ?? '',
              instructions: text(values.instructions),
              materials: text(values.materials),
              category: values.category,
              scheduledStart: fromLocalInput(values.scheduledStart),
              scheduledEnd: fromLocalInput(values.scheduledEnd),
              equipmentIds: workOrder.equipmentIds,
            },
          })
          onClose()
        } catch (error) {
          // Someone else saved first: load their version (the dialog says what happened; save again to apply yours).
          if (toProblem(error).status === 412) reload()
          throw error
        }
      }}
    >
      <WorkOrderDetailFields />
    </FormDialog>
  )
}
