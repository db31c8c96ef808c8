import { MantineProvider } from '@mantine/core'
import { Notifications, notifications } from '@mantine/notifications'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { configureClient } from '@/api/client'
import { onSessionEnd } from '@/session/store'
import { createQueryClient } from './queryClient'
import { cssVariablesResolver, theme } from './theme'

interface ProvidersProps {
  children: ReactNode
  /** Tests pass their own client; the app makes one. */
  queryClient?: QueryClient
  /** `test` turns off transitions and portals (Mantine). */
  env?: 'default' | 'test'
}

export function Providers({ children, queryClient: given, env = 'default' }: ProvidersProps) {
  const [queryClient] = useState(() => given ?? createQueryClient())

  useEffect(() => {
    configureClient({
      onRateLimited: (seconds) =>
        notifications.show({
          id: 'rate-limited',
          color: 'yellow',
          title: 'Slowing down',
          message: `The API asked us to wait${seconds ? ` ${seconds} s` : ''}. Requests are queued, not lost.`,
        }),
    })
    return onSessionEnd((reason) => {
      queryClient.clear()
      if (reason === 'expired') {
        notifications.show({
          id: 'session-expired',
          color: 'red',
          title: 'Signed out',
          message:
            'The API no longer accepts your tokens. Sign in again to continue where you were.',
          autoClose: false,
        })
      }
    })
  }, [queryClient])

  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      env={env}
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  )
}
