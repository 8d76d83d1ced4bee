import { lazy, Suspense } from 'react'
import { Redirect, Route, Switch } from 'wouter'
import { RequireAuth, RequireRole } from '../features/auth/RequireAuth'
import { useMe } from '../features/auth/hooks'
import {
  canCreateWorkOrders,
  canEditCustomers,
  canManageApiKeys,
  canManageUsers,
  canReadCustomers,
  canSeeOps,
  canSeeProviders,
  canSeeWorkOrders,
  homePath,
} from '../features/auth/roles'
import { AppLayout } from './AppLayout'
import { NotFoundPage, WelcomePage } from './StaticPages'

// Each page is its own chunk: the sign-in page does not download the customers grid, and so on.
const load = {
  signIn: () => import('../features/auth/SignInPage'),
  customers: () => import('../features/customers/CustomersPage'),
  newCustomer: () => import('../features/customers/NewCustomerPage'),
  customer: () => import('../features/customers/CustomerPage'),
  workOrders: () => import('../features/work-orders/WorkOrdersPage'),
  newWorkOrder: () => import('../features/work-orders/NewWorkOrderPage'),
  workOrder: () => import('../features/work-orders/WorkOrderPage'),
  queue: () => import('../features/work-orders/QueuePage'),
  ops: () => import('../features/ops/OpsPage'),
  serviceProviders: () => import('../features/providers/ServiceProvidersPage'),
  users: () => import('../features/users/UsersPage'),
  apiKeys: () => import('../features/api-keys/ApiKeysPage'),
}
const SignInPage = lazy(load.signIn)
const CustomersPage = lazy(load.customers)
const NewCustomerPage = lazy(load.newCustomer)
const CustomerPage = lazy(load.customer)
const WorkOrdersPage = lazy(load.workOrders)
const NewWorkOrderPage = lazy(load.newWorkOrder)
const WorkOrderPage = lazy(load.workOrder)
const QueuePage = lazy(load.queue)
const OpsPage = lazy(load.ops)
const ServiceProvidersPage = lazy(load.serviceProviders)
const UsersPage = lazy(load.users)
const ApiKeysPage = lazy(load.apiKeys)

/** Starts downloading the page of the URL being opened while the session is checked (no waterfall). */
export function preloadPage(pathname: string) {
  const page =
    pathname === '/sign-in' ? load.signIn
    : pathname === '/customers' || pathname === '/' ? load.customers
    : pathname === '/customers/new' ? load.newCustomer
    : pathname.startsWith('/customers/') ? load.customer
    : pathname === '/work-orders' ? load.workOrders
    : pathname === '/work-orders/new' ? load.newWorkOrder
    : pathname.startsWith('/work-orders/') ? load.workOrder
    : pathname === '/queue' ? load.queue
    : pathname === '/ops' ? load.ops
    : pathname === '/service-providers' ? load.serviceProviders
    : pathname === '/users' ? load.users
    : pathname === '/api-keys' ? load.apiKeys
    : null
  void page?.().catch(() => undefined)
}

function Home() {
  const me = useMe().data
  return <Redirect to={homePath(me?.roles ?? [])} replace />
}

/** The SPA's pages. The API serves index.html for every one of these paths (SpaHosting.cs). */
export function AppRoutes() {
  return (
    <Switch>
      <Route path="/sign-in">
        <Suspense fallback={null}>
          <SignInPage />
        </Suspense>
      </Route>
      <Route>
        <RequireAuth>
          <AppLayout>
            <Switch>
              <Route path="/">
                <Home />
              </Route>
              <Route path="/customers">
                <RequireRole allowed={canReadCustomers}>
                  <CustomersPage />
                </RequireRole>
              </Route>
              <Route path="/customers/new">
                <RequireRole allowed={canEditCustomers}>
                  <NewCustomerPage />
                </RequireRole>
              </Route>
              <Route<{ customerId: string }> path="/customers/:customerId">
                {(params) => (
                  <RequireRole allowed={canReadCustomers}>
                    <CustomerPage customerId={params.customerId} />
                  </RequireRole>
                )}
              </Route>
              <Route path="/work-orders">
                <RequireRole allowed={canSeeWorkOrders}>
                  <WorkOrdersPage />
                </RequireRole>
              </Route>
              <Route path="/work-orders/new">
                <RequireRole allowed={canCreateWorkOrders}>
                  <NewWorkOrderPage />
                </RequireRole>
              </Route>
              <Route<{ workOrderId: string }> path="/work-orders/:workOrderId">
                {(params) => (
                  <RequireRole allowed={canSeeWorkOrders}>
                    <WorkOrderPage workOrderId={params.workOrderId} />
                  </RequireRole>
                )}
              </Route>
              <Route path="/queue">
                <RequireRole allowed={canSeeWorkOrders}>
                  <QueuePage />
                </RequireRole>
              </Route>
              <Route path="/ops">
                <RequireRole allowed={canSeeOps}>
                  <OpsPage />
                </RequireRole>
              </Route>
              <Route path="/service-providers">
                <RequireRole allowed={canSeeProviders}>
                  <ServiceProvidersPage />
                </RequireRole>
              </Route>
              <Route path="/users">
                <RequireRole allowed={canManageUsers}>
                  <UsersPage />
                </RequireRole>
              </Route>
              <Route path="/api-keys">
                <RequireRole allowed={canManageApiKeys}>
                  <ApiKeysPage />
                </RequireRole>
              </Route>
              <Route path="/welcome">
                <WelcomePage />
              </Route>
              <Route>
                <NotFoundPage />
              </Route>
            </Switch>
          </AppLayout>
        </RequireAuth>
      </Route>
    </Switch>
  )
}
