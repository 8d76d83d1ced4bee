// Placeholder: replaced by the page itself.
export default function WorkOrderPage(_props: { workOrderId?: string }) {
  return <div>WorkOrderPage</div>
}
