import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { ConfigProvider } from 'antd'
import type { ReactNode } from 'react'
import { ApiContext, type Api } from '../api'
import { theme } from './theme'

/** Everything a page needs around it: the API clients, the query cache, antd's theme. */
export function AppProviders({ api, queryClient, children }: { api: Api; queryClient: QueryClient; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider theme={theme}>
          {children}
        </ConfigProvider>
      </QueryClientProvider>
    </ApiContext.Provider>
  )
}
