import { PlusOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useLocation, useSearchParams } from 'wouter'
import { PageHeader } from '../../shared/PageHeader'
import { useMe } from '../auth/hooks'
import { canCreateWorkOrders, canReadCustomers } from '../auth/roles'
import { useCustomer } from '../customers/api'
import { useServiceProvider, useTeams } from './list/api'
import { filterFromUrl, filterToParams, type WorkOrderFilter } from './list/filters'
import { WorkEventsGrid } from './list/WorkEventsGrid'
import './list/work-events.css'

/**
 * Work Events: every work order by any combination of filters ("Select Filters"), held in the URL — including the
 * links the customers grid makes (`?customerId=…&status=…`) — with bulk actions on the selection.
 */
export default function WorkOrdersPage() {
  const me = useMe().data!
  const [, navigate] = useLocation()
  const [params, setParams] = useSearchParams()
  const filter = filterFromUrl(params)
  const mayReadCustomers = canReadCustomers(me.roles)
  const canCreate = canCreateWorkOrders(me.roles)

  // Names for the filter tags.
  const customer = useCustomer(mayReadCustomers ? filter.customerId : null)
  const provider = useServiceProvider(filter.providerId)
  const teams = useTeams(!!filter.teamId)
  const names = {
    customer: customer.data?.customer.name,
    provider: provider.data?.name,
    team: teams.data?.find((t) => t.id === filter.teamId)?.name,
  }

  /** The URL is the state: every filter is a shareable link, and Back undoes it. */
  const onFilter = (next: WorkOrderFilter, replace = false) => setParams((prev) => filterToParams(next, prev), { replace })

  return (
    <div className="work-events-page">
      <PageHeader
        title="Work Events"
        trail={filter.customerId && mayReadCustomers ? [['Customers', `/customers?customer=${filter.customerId}`]] : []}
        subTitle="Filter, select and act on many work events at once."
        actions={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/work-orders/new')}>
              New Work Order
            </Button>
          )
        }
      />
      <WorkEventsGrid
        key={filterToParams(filter).toString()}
        filter={filter}
        names={names}
        roles={me.roles}
        canPickCustomer={mayReadCustomers}
        canCreate={canCreate}
        onFilter={onFilter}
      />
    </div>
  )
}
