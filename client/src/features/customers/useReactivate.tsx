import { problemMessage, toProblem } from '../../api/problem'
import { useReactivateCustomer } from './api'
import { useFeedback } from '../../shared/feedback'

/** Asks, then reactivates: the customer only (sites one by one; what was cancelled stays cancelled). */
export function useConfirmReactivate() {
  const { modal, message } = useFeedback()
  const reactivate = useReactivateCustomer()
  return (customer: { id: string; name: string }) =>
    modal.confirm({
      title: `Reactivate “${customer.name}”?`,
      content: (
        <>
          The customer can get new work events, sites and contracts again. Its sites stay deactivated — reactivate them one
          by one on the Sites tab. Contracts and work events cancelled by the deactivation stay cancelled.
        </>
      ),
      okText: 'Reactivate',
      width: 480,
      onOk: async () => {
        try {
          await reactivate.mutateAsync(customer.id)
          message.success(`“${customer.name}” reactivated.`)
        } catch (error) {
          message.error(problemMessage(toProblem(error)))
        }
      },
    })
}
