import { MantineProvider } from '@mantine/core'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react'
import { configureClient } from '@/api/client'
import { showToast, ToastContainer, useToastContainer } from '@/components/toasts'
import { currentMessages, useDocumentLanguage, useI18n } from '@/i18n'
import { preferencesColorSchemeManager } from '@/preferences/colorSchemeManager'
import { onSessionEnd } from '@/session/store'
import { createQueryClient } from './queryClient'
import { createAppTheme, cssVariablesResolver } from './theme'

interface ProvidersProps {
  children: ReactNode
  /** Tests pass their own client; the app makes one. */
  queryClient?: QueryClient
  /** `test` turns off transitions and portals (Mantine). */
  env?: 'default' | 'test'
}

export function Providers({ children, queryClient: given, env = 'default' }: ProvidersProps) {
  const [queryClient] = useState(() => given ?? createQueryClient())
  // The colour scheme is a preference: remembered by src/preferences, not by Mantine's own key.
  const [colorSchemeManager] = useState(preferencesColorSchemeManager)
  const { t, locale } = useI18n()
  useDocumentLanguage(locale)
  const closeNotification = t.common.closeNotification
  const theme = useMemo(() => createAppTheme({ closeNotification }), [closeNotification])
  const toasts = useToastContainer()

  useEffect(() => {
    configureClient({
      onRateLimited: (seconds) =>
        showToast({
          id: 'rate-limited',
          color: 'yellow',
          title: currentMessages().toasts.slowTitle,
          message: currentMessages().toasts.slowMessage(seconds ?? null),
        }),
    })
    return onSessionEnd((reason) => {
      queryClient.clear()
      if (reason === 'expired') {
        showToast({
          id: 'session-expired',
          color: 'red',
          title: currentMessages().toasts.expiredTitle,
          message: currentMessages().toasts.expiredMessage,
          autoClose: false,
        })
      }
    })
  }, [queryClient])

  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      env={env}
    >
      {toasts && (
        <Suspense fallback={null}>
          <ToastContainer position="top-right" />
        </Suspense>
      )}
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  )
}
