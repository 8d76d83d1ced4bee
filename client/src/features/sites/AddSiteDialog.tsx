import { Button, Form, Input } from 'antd'
import type { CustomerDto } from '../../api'
import { FormDialog } from '../../shared/FormDialog'
import { Section } from '../../shared/ui'
import { text } from '../../shared/forms'
import { AddressFields, ContactFields, toAddress, toContact } from '../customers/CustomerForm'
import { useCreateSite } from './api'

interface SiteFormValues {
  name: string
  address: Record<string, string | null | undefined>
  contact: { name: string; email: string; phone?: string | null }
}

/** Adds a site; its contact is pre-filled from the customer's primary contact. */
export default function AddSiteDialog({ customer, open, onClose, onAdded }: { customer: CustomerDto; open: boolean; onClose: () => void; onAdded: (name: string) => void }) {
  const create = useCreateSite(customer.id)
  const initialValues: SiteFormValues = {
    name: '',
    address: {},
    contact: { name: customer.contact.name, email: customer.contact.email, phone: customer.contact.phone ?? '' },
  }
  return (
    <FormDialog<SiteFormValues>
      open={open}
      title={`Add site to ${customer.name}`}
      okText="Add site"
      width={640}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={async (values) => {
        const site = await create.mutateAsync({
          name: text(values.name) ?? '',
          address: toAddress(values.address),
          contact: toContact(values.contact),
        })
        onAdded(site.name)
      }}
    >
      {(form) => (
        <>
          <Form.Item label="Site name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the site name.' }]}>
            <Input autoFocus placeholder="e.g. Main plant, Warehouse 2" />
          </Form.Item>
          <Section
            title="Address"
            extra={
              <Button size="small" type="link" onClick={() => form.setFieldValue('address', { ...customer.billingAddress })}>
                Copy billing location
              </Button>
            }
          >
            <AddressFields prefix="address" />
          </Section>
          <Section title="Site contact">
            <p className="muted form-hint" data-testid="contact-prefilled-note">
              Pre-filled from the customer’s primary contact. Change it if the site has its own contact.
            </p>
            <ContactFields prefix="contact" />
          </Section>
        </>
      )}
    </FormDialog>
  )
}
