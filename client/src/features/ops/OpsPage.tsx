// Placeholder: replaced by the page itself.
export default function OpsPage(_props: { workOrderId?: string }) {
  return <div>OpsPage</div>
}
