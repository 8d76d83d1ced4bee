import { Button, Col, Form, Input, Row, Space } from 'antd'
import { useState, type ReactNode } from 'react'
import type { AddressDto, ContactDto, CreateCustomerCommand, CustomerDto } from '../../api'
import { applyProblemToForm, text } from '../../shared/forms'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { Section } from '../../shared/ui'

export interface CustomerFormValues {
  name: string
  description?: string | null
  billingAddress: { street?: string | null; city?: string | null; region?: string | null; postalCode?: string | null; country?: string | null }
  contact: { name: string; email: string; phone?: string | null }
}

export const emptyCustomer: CustomerFormValues = { name: '', description: '', billingAddress: {}, contact: { name: '', email: '', phone: '' } }

export function toFormValues(customer: CustomerDto): CustomerFormValues {
  return {
    name: customer.name,
    description: customer.description ?? '',
    billingAddress: { ...customer.billingAddress },
    contact: { ...customer.contact, phone: customer.contact.phone ?? '' },
  }
}

export function toAddress(values: CustomerFormValues['billingAddress'] | undefined): AddressDto {
  return {
    street: text(values?.street),
    city: text(values?.city),
    region: text(values?.region),
    postalCode: text(values?.postalCode),
    country: text(values?.country),
  }
}

export function toContact(values: { name?: string | null; email?: string | null; phone?: string | null } | undefined): ContactDto {
  return { name: text(values?.name) ?? '', email: text(values?.email) ?? '', phone: text(values?.phone) }
}

/** The create and update commands have the same shape. */
export function toCommand(values: CustomerFormValues): CreateCustomerCommand {
  return {
    name: text(values.name) ?? '',
    description: text(values.description),
    billingAddress: toAddress(values.billingAddress),
    contact: toContact(values.contact),
  }
}

/** Address fields under a name prefix (billingAddress, address): reused by the site form. */
export function AddressFields({ prefix }: { prefix: string }) {
  return (
    <>
      <Form.Item label="Street" name={[prefix, 'street']}>
        <Input autoComplete="street-address" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={9}>
          <Form.Item label="Postal code" name={[prefix, 'postalCode']}>
            <Input autoComplete="postal-code" />
          </Form.Item>
        </Col>
        <Col span={15}>
          <Form.Item label="City" name={[prefix, 'city']}>
            <Input autoComplete="address-level2" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Region / state" name={[prefix, 'region']}>
            <Input autoComplete="address-level1" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Country" name={[prefix, 'country']}>
            <Input autoComplete="country-name" />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

/** Contact fields (name, e-mail, phone) under a name prefix. Format rules are the server's: its errors land here. */
export function ContactFields({ prefix }: { prefix: string }) {
  return (
    <>
      <Form.Item label="Contact name" name={[prefix, 'name']} rules={[{ required: true, whitespace: true, message: 'Enter the contact name.' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item label="E-mail" name={[prefix, 'email']} rules={[{ required: true, whitespace: true, message: 'Enter the e-mail address.' }]}>
            <Input autoComplete="off" inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="Phone" name={[prefix, 'phone']}>
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

interface Props {
  initialValues?: CustomerFormValues
  submitText: string
  onSubmit: (command: CreateCustomerCommand) => Promise<unknown>
  onCancel?: () => void
  /** Lets the caller show its own message for an error (e.g. 412); return true when handled. */
  onError?: (error: unknown) => boolean
  /** Shown above the form (e.g. a stale-edit warning). */
  banner?: ReactNode
  autoFocus?: boolean
}

/** Customer details: name, description, billing location, primary contact. Server validation errors land on the fields. */
export function CustomerForm({ initialValues = emptyCustomer, submitText, onSubmit, onCancel, onError, banner, autoFocus = true }: Props) {
  const [form] = Form.useForm<CustomerFormValues>()
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null)

  const submit = async (values: CustomerFormValues) => {
    setFailure(null)
    setSubmitting(true)
    try {
      await onSubmit(toCommand(values))
    } catch (error) {
      if (!onError?.(error)) {
        const { unplaced, problem } = applyProblemToForm(form, error)
        const placed = Object.keys(problem.errors).length > 0 && unplaced.length === 0
        setFailure(placed ? { error: { ...problem, detail: 'Correct the highlighted fields and save again.' }, unplaced } : { error, unplaced })
      }
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      disabled={submitting}
      className="dense-form"
      aria-label="Customer details"
    >
      {banner}
      {failure && <ProblemAlert error={failure.error} extra={failure.unplaced} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Section title="Customer">
            <Form.Item label="Name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the customer name.' }]}>
              <Input autoFocus={autoFocus} autoComplete="organization" />
            </Form.Item>
            <Form.Item label="Description" name="description">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Section>
          <Section title="Primary contact" extra="Notified about every work event">
            <ContactFields prefix="contact" />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section title="Billing location">
            <AddressFields prefix="billingAddress" />
          </Section>
        </Col>
      </Row>
      <Space className="form-actions">
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitText}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={false}>
            Cancel
          </Button>
        )}
      </Space>
    </Form>
  )
}
