import { Loader } from '@mantine/core'
import { lazy, Suspense, type ReactNode } from 'react'
import { Navigate, useRoutes, type RouteObject } from 'react-router'
import { paths } from '@/paths'
import { useI18n } from './i18n'
import { RouteErrorBoundary } from './pages/RouteError'
import { RequireSession } from './session/RequireSession'
import { useSelectedLocation } from './session/selectedLocation'

/*
 * Declarative routes (`useRoutes` under a BrowserRouter or MemoryRouter), not a data router: the
 * console loads its data through React Query, not route loaders, and createBrowserRouter's code is
 * ~15 kB gzip of every page's budget. Every page but the shell is its own chunk (React.lazy).
 */
const SignInPage = lazy(async () => ({
  default: (await import('./pages/sign-in/SignInPage')).SignInPage,
}))
// The shell is a chunk of its own too, so the sign-in page loads without it.
const AppShellLayout = lazy(async () => ({
  default: (await import('./pages/shell/AppShellLayout')).AppShellLayout,
}))
const LockScreen = lazy(async () => ({
  default: (await import('./pages/lock/LockScreen')).LockScreen,
}))
const OverviewPage = lazy(async () => ({
  default: (await import('./pages/overview/OverviewPage')).OverviewPage,
}))
const TaxSystemsPage = lazy(async () => ({
  default: (await import('./pages/tax-systems/TaxSystemsPage')).TaxSystemsPage,
}))
const TransactionsPage = lazy(async () => ({
  default: (await import('./pages/transactions/TransactionsPage')).TransactionsPage,
}))
const CallbackPage = lazy(async () => ({
  default: (await import('./pages/callback/CallbackPage')).CallbackPage,
}))
const NotFoundPage = lazy(async () => ({
  default: (await import('./pages/not-found/NotFoundPage')).NotFoundPage,
}))

const HomePage = lazy(async () => ({
  default: (await import('./pages/home/HomePage')).HomePage,
}))

/** Straight to the log of the location this browser works at; without one, the page to choose it. */
function Home() {
  const [locationId] = useSelectedLocation()
  if (locationId !== null) return <Navigate to={paths.log(locationId)} replace />
  return (
    <Page>
      <HomePage />
    </Page>
  )
}

function PageLoader() {
  return <Loader role="status" aria-label={useI18n().t.app.loadingPage} m="xl" />
}

/** A route's own error boundary and loading state: a failing page leaves the rest usable. */
function Page({ children }: { children: ReactNode }) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<PageLoader />}>{children}</Suspense>
    </RouteErrorBoundary>
  )
}

export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    element: (
      <Page>
        <SignInPage />
      </Page>
    ),
  },
  {
    path: '/',
    element: (
      <Page>
        <RequireSession whenLocked={<LockScreen />}>
          <AppShellLayout />
        </RequireSession>
      </Page>
    ),
    children: [
      { index: true, element: <Home /> },
      {
        path: 'overview',
        element: (
          <Page>
            <OverviewPage />
          </Page>
        ),
      },
      {
        path: 'tax-systems/:countryId?',
        element: (
          <Page>
            <TaxSystemsPage />
          </Page>
        ),
      },
      {
        path: 'locations/:locationId/transactions',
        element: (
          <Page>
            <TransactionsPage />
          </Page>
        ),
      },
      {
        path: 'callback',
        element: (
          <Page>
            <CallbackPage />
          </Page>
        ),
      },
      {
        path: '*',
        element: (
          <Page>
            <NotFoundPage />
          </Page>
        ),
      },
    ],
  },
]

/** The app's routes; render inside a BrowserRouter (the app) or a MemoryRouter (tests, stories). */
export function AppRoutes() {
  return useRoutes(routes)
}
