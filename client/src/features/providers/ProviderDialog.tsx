import { Alert, Button, Form, Input, Select, Spin, Switch } from 'antd'
import { useState } from 'react'
import type { ServiceProviderDto, ServiceProviderKind } from '../../api'
import { toProblem } from '../../api/problem'
import { useFeedback } from '../../shared/feedback'
import { text } from '../../shared/forms'
import { FormDialog } from '../../shared/FormDialog'
import { ProblemAlert } from '../../shared/ProblemAlert'
import { useUsers } from '../users/api'
import { kindLabels, providerKinds, useCreateProvider, useUpdateProvider, useVersionedProvider } from './api'

interface Values {
  name: string
  email: string
  phone?: string
  kind: ServiceProviderKind
  userId?: string | null
  isActive?: boolean
}

const toValues = (p: ServiceProviderDto): Values => ({
  name: p.name,
  email: p.email,
  phone: p.phone ?? '',
  kind: p.kind,
  userId: p.userId ?? null,
  isActive: p.isActive,
})

/** The provider's fields; the field names are the API's, so its validation errors land on them. */
function ProviderFields({ edit }: { edit: boolean }) {
  const users = useUsers()
  const form = Form.useFormInstance<Values>()
  const kind = Form.useWatch('kind', form)
  return (
    <>
      <Form.Item label="Name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the provider’s name.' }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item label="Kind" name="kind" rules={[{ required: true, message: 'Choose the kind of provider.' }]}>
        <Select aria-label="Kind" options={providerKinds.map((k) => ({ value: k, label: kindLabels[k] }))} />
      </Form.Item>
      <Form.Item label="E-mail" name="email" rules={[{ required: true, whitespace: true, message: 'Enter the e-mail address.' }]}>
        <Input inputMode="email" maxLength={256} />
      </Form.Item>
      <Form.Item label="Phone" name="phone">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        label="Linked staff user"
        name="userId"
        extra={kind === 'InternalTechnician' ? 'The technician’s own sign-in: their assigned work shows in their queue.' : 'Usually only internal technicians have one.'}
      >
        <Select
          aria-label="Linked staff user"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="None"
          loading={users.isPending}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName ? `${u.displayName} (${u.email})` : u.email }))}
        />
      </Form.Item>
      {edit && (
        <Form.Item label="Active" name="isActive" valuePropName="checked" extra="An inactive provider gets no new work.">
          <Switch aria-label="Active" />
        </Form.Item>
      )}
    </>
  )
}

const toBody = (v: Values) => ({
  name: v.name.trim(),
  email: v.email.trim(),
  phone: text(v.phone),
  kind: v.kind,
  userId: v.userId || null,
})

export function AddProviderDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = useFeedback()
  const create = useCreateProvider()
  return (
    <FormDialog<Values>
      open={open}
      title="Add service provider"
      okText="Add provider"
      initialValues={{ kind: 'InternalTechnician' }}
      onCancel={onClose}
      onSubmit={async (values) => {
        const { data } = await create.mutateAsync(toBody(values))
        message.success(`Provider “${data.name}” added.`)
        onClose()
      }}
    >
      <ProviderFields edit={false} />
    </FormDialog>
  )
}

/** Edits the version read when the dialog opened (If-Match); a 412 means someone else saved first. */
export function EditProviderDialog({ providerId, onClose }: { providerId: string | null; onClose: () => void }) {
  const { message } = useFeedback()
  const current = useVersionedProvider(providerId)
  const update = useUpdateProvider()
  const [stale, setStale] = useState(false)
  const loaded = current.data

  const close = () => {
    setStale(false)
    onClose()
  }

  if (providerId && !loaded) {
    return (
      <FormDialog<Values> open title="Edit service provider" okText="Save changes" onCancel={close} onSubmit={async () => {}}>
        {current.isError ? <ProblemAlert error={current.error} title="Could not load the provider" onRetry={() => current.refetch()} /> : <Spin />}
      </FormDialog>
    )
  }

  return (
    <FormDialog<Values>
      // A reloaded version starts the form afresh with the other person's values.
      key={`${loaded?.provider.id}-${loaded?.provider.version}`}
      open={!!providerId}
      title={loaded ? `Edit “${loaded.provider.name}”` : 'Edit service provider'}
      okText="Save changes"
      initialValues={loaded ? toValues(loaded.provider) : undefined}
      onCancel={close}
      onSubmit={async (values) => {
        if (!loaded) return
        setStale(false)
        try {
          await update.mutateAsync({ id: loaded.provider.id, etag: loaded.etag, body: { ...toBody(values), isActive: values.isActive ?? loaded.provider.isActive } })
        } catch (error) {
          const status = toProblem(error).status
          if (status === 412 || status === 428) {
            setStale(true)
            return
          }
          throw error
        }
        message.success('Provider saved.')
        close()
      }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title="Someone else changed this provider"
          description="Your changes were not saved, because the provider was changed after you opened it. Load the latest version, then apply your change again."
          action={
            <Button
              size="small"
              onClick={async () => {
                await current.refetch()
                setStale(false)
              }}
            >
              Load latest version
            </Button>
          }
        />
      )}
      <ProviderFields edit />
    </FormDialog>
  )
}
