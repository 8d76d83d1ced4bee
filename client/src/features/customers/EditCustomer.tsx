import { Alert, Button } from 'antd'
import { useState } from 'react'
import type { CustomerDto } from '../../api'
import { toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { useUpdateCustomer } from './api'
import { CustomerForm, toFormValues } from './CustomerForm'

/** Edit in place. The update carries If-Match with the ETag read; a 412 means someone else saved first. */
export default function EditCustomer({ customer, etag, onDone, reload }: { customer: CustomerDto; etag: string; onDone: () => void; reload: () => Promise<unknown> }) {
  const { message } = useFeedback()
  const update = useUpdateCustomer(customer.id)
  const [stale, setStale] = useState(false)

  return (
    <div className="edit-panel">
      <CustomerForm
        // A reloaded version starts the form afresh with the other person's values.
        key={customer.version}
        initialValues={toFormValues(customer)}
        submitText="Save changes"
        onCancel={onDone}
        onSubmit={async (command) => {
          setStale(false)
          await update.mutateAsync({ etag, body: command })
          message.success('Customer saved.')
          onDone()
        }}
        onError={(error) => {
          const status = toProblem(error).status
          if (status === 412 || status === 428) {
            setStale(true)
            return true
          }
          return false
        }}
        banner={
          stale && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title="Someone else changed this customer"
              description="Your changes were not saved, because the customer was changed after you opened it. Load the latest version, then apply your change again."
              action={
                <Button
                  size="small"
                  onClick={async () => {
                    await reload()
                    setStale(false)
                  }}
                >
                  Load latest version
                </Button>
              }
            />
          )
        }
      />
    </div>
  )
}
