import { useLocation } from 'wouter'
import { PageHeader } from '../../shared/PageHeader'
import { useCreateCustomer } from './api'
import { CustomerForm } from './CustomerForm'
import { useFeedback } from '../../shared/feedback'

/** Add New customer: "Save and Continue" lands on the new customer. */
export default function NewCustomerPage() {
  const { message } = useFeedback()
  const [, navigate] = useLocation()
  const create = useCreateCustomer()
  return (
    <div className="form-page">
      <PageHeader title="Add New Customer" trail={[['Customers', '/customers']]} subTitle="The customer is active as soon as it is saved." />
      <CustomerForm
        submitText="Save and Continue"
        onCancel={() => navigate('/customers')}
        onSubmit={async (command) => {
          const { data } = await create.mutateAsync(command)
          message.success(`Customer “${data.name}” added.`)
          navigate(`/customers/${data.id}`)
        }}
      />
    </div>
  )
}
