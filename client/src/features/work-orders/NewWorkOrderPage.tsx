// Placeholder: replaced by the page itself.
export default function NewWorkOrderPage(_props: { workOrderId?: string }) {
  return <div>NewWorkOrderPage</div>
}
