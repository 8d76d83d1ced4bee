import { useSearchParams } from 'wouter'
import { lazy, Suspense } from 'react'
import { Spin } from 'antd'
import { customerTabs, type CustomerTab } from './tabs'

// The same lazily loaded view as the side panel of the customers page: one chunk for both.
const CustomerView = lazy(() => import('./CustomerView').then((m) => ({ default: m.CustomerView })))

/** The customer as a page of its own (/customers/:id?tab=contracts): the link to share. */
export default function CustomerPage({ customerId }: { customerId: string }) {
  const [params, setParams] = useSearchParams()
  const raw = params.get('tab')
  const tab: CustomerTab = (customerTabs as readonly string[]).includes(raw ?? '') ? (raw as CustomerTab) : 'sites'
  return (
    <div className="customer-page">
      <Suspense fallback={<Spin className="page-loading" />}>
        <CustomerView
        key={customerId}
        customerId={customerId}
        variant="page"
        tab={tab}
        onTabChange={(next) => setParams(next === 'sites' ? {} : { tab: next }, { replace: true })}
        />
      </Suspense>
    </div>
  )
}
