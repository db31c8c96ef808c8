import { Loader } from '@mantine/core'
import { Navigate, type RouteObject } from 'react-router'
import { RouteError } from './pages/RouteError'
import { RequireSession } from './session/RequireSession'
import { useSelectedLocation } from './session/selectedLocation'

function HomeRedirect() {
  const [locationId] = useSelectedLocation()
  return (
    <Navigate
      to={locationId === null ? '/tax-systems' : `/locations/${locationId}/transactions`}
      replace
    />
  )
}

/** Every route but the shell is its own chunk; every route has its own error boundary. */
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loader role="status" aria-label="Loading page" m="xl" />,
    lazy: async () => ({ Component: (await import('./pages/sign-in/SignInPage')).SignInPage }),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loader role="status" aria-label="Loading page" m="xl" />,
    // The shell is a chunk of its own too, so the sign-in page loads without it.
    lazy: async () => {
      const [{ AppShellLayout }, { LockScreen }] = await Promise.all([
        import('./pages/shell/AppShellLayout'),
        import('./pages/lock/LockScreen'),
      ])
      return {
        Component: () => (
          <RequireSession whenLocked={<LockScreen />}>
            <AppShellLayout />
          </RequireSession>
        ),
      }
    },
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: 'overview',
            lazy: async () => ({
              Component: (await import('./pages/overview/OverviewPage')).OverviewPage,
            }),
          },
          {
            path: 'tax-systems/:countryId?',
            lazy: async () => ({
              Component: (await import('./pages/tax-systems/TaxSystemsPage')).TaxSystemsPage,
            }),
          },
          {
            path: 'locations/:locationId/transactions',
            lazy: async () => ({
              Component: (await import('./pages/transactions/TransactionsPage')).TransactionsPage,
            }),
          },
          {
            path: 'callback',
            lazy: async () => ({
              Component: (await import('./pages/callback/CallbackPage')).CallbackPage,
            }),
          },
          {
            path: '*',
            lazy: async () => ({
              Component: (await import('./pages/not-found/NotFoundPage')).NotFoundPage,
            }),
          },
        ],
      },
    ],
  },
]
