import { Drawer } from 'antd'
import { Link } from 'wouter'
import { CustomerView } from './CustomerView'
import type { CustomerTab } from './tabs'

interface Props {
  customerId: string | null
  tab: CustomerTab
  onTabChange: (tab: CustomerTab) => void
  onClose: () => void
}

/** The customer side panel of the All Customers page (loaded when a customer is first opened). */
export default function CustomerPanel({ customerId, tab, onTabChange, onClose }: Props) {
  return (
    <Drawer
      open={!!customerId}
      onClose={onClose}
      size={860}
      title="Customer"
      destroyOnHidden
      extra={customerId && <Link href={`/customers/${customerId}${tab !== 'sites' ? `?tab=${tab}` : ''}`}>Open full page</Link>}
    >
      {customerId && <CustomerView key={customerId} customerId={customerId} variant="drawer" tab={tab} onTabChange={onTabChange} />}
    </Drawer>
  )
}
