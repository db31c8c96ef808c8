import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { DEMO } from '@/mocks/db'
import { Providers } from '@/providers'
import { createQueryClient } from '@/queryClient'
import { routes } from '@/router'
import { startSession } from '@/session/store'

/** The demo manager, signed in with both tokens, as after a real sign-in. */
export function signInAsManager() {
  startSession({
    partnerToken: DEMO.partnerToken,
    userToken: DEMO.userToken,
    user: { id: 1, name: 'Helen Manager' },
  })
}

/** Renders the whole app — real router, providers and API client — at a URL, against the mock API. */
export function renderApp(path: string) {
  const queryClient = createQueryClient()
  // Retries keep their logic but not their wait, so failing cases stay fast.
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retryDelay: 0 },
  })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  const view = render(
    <Providers queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </Providers>,
  )
  return { ...view, user, router, queryClient }
}
