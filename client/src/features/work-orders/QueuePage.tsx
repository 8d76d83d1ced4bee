// Placeholder: replaced by the page itself.
export default function QueuePage(_props: { workOrderId?: string }) {
  return <div>QueuePage</div>
}
