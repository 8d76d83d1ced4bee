import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Router } from 'wouter'
import { createApi } from './api'
import { createQueryClient } from './api/queryClient'
import { AppProviders } from './app/AppProviders'
import { meQuery } from './features/auth/hooks'
import { prefetchCustomerList } from './features/customers/api'
import { AppRoutes, preloadPage } from './app/routes'
import './app/global.css'
import { prefetchFeedback } from './shared/feedback'

const api = createApi()
const queryClient = createQueryClient()

// No waterfall on a first visit: the page's code (and, for the customers list, its first page of data)
// download while the session is checked.
void queryClient.prefetchQuery(meQuery(api))
preloadPage(window.location.pathname)
if (window.location.pathname === '/customers') prefetchCustomerList(queryClient, api, new URLSearchParams(window.location.search))

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders api={api} queryClient={queryClient}>
      <Router>
        <AppRoutes />
      </Router>
    </AppProviders>
  </StrictMode>,
)

prefetchFeedback()
