import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useLayoutEffect } from 'react'
import { MemoryRouter, useLocation, type Location } from 'react-router'
import { Providers } from '@/providers'
import { createQueryClient } from '@/queryClient'
import { AppRoutes } from '@/router'

export { signInAsCashier, signInAsManager } from './world'

/** Reports every location the app shows, as a person reads the address bar. */
function AddressBar({ onChange }: { onChange: (location: Location) => void }) {
  const location = useLocation()
  useLayoutEffect(() => {
    onChange(location)
  }, [onChange, location])
  return null
}

/** Renders the whole app — real routes, providers and API client — at a URL, against the mock API. */
export function renderApp(path: string) {
  const queryClient = createQueryClient()
  // Retries keep their logic but not their wait, so failing cases stay fast.
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retryDelay: 0 },
  })
  const url = new URL(path, 'http://localhost')
  const address: { current: Location } = {
    current: {
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      state: null,
      key: 'initial',
    },
  }
  const user = userEvent.setup()
  const view = render(
    <Providers queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[path]}>
        <AddressBar
          onChange={(location) => {
            address.current = location
          }}
        />
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  )
  return { ...view, user, address, queryClient }
}
