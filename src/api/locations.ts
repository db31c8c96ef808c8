import { queryOptions } from '@tanstack/react-query'
import { api, authorizationHeader, payload, type Credentials } from './client'
import { queryKeys } from './keys'
import { fromWireLocation, type Location } from './wire'

export type { Location } from './wire'

/** Large enough for any salon chain a user manages; the API's default page is 25. */
const MY_LOCATIONS_PAGE = 200

async function getMyLocations(init: {
  signal?: AbortSignal
  headers?: Record<string, string>
}): Promise<Location[]> {
  const result = await api.GET('/companies', {
    params: { query: { my: 1, count: MY_LOCATIONS_PAGE } },
    ...init,
  })
  return payload(result).data.map(fromWireLocation)
}

export const myLocationsQuery = () =>
  queryOptions({
    queryKey: queryKeys.locations(),
    queryFn: ({ signal }) => getMyLocations({ signal }),
    staleTime: 10 * 60 * 1000,
  })

/**
 * Proves a pair of tokens before the session accepts them: a real call that needs both.
 * Returns the locations, so the shell does not ask again.
 */
export function verifyCredentials(credentials: Credentials): Promise<Location[]> {
  return getMyLocations({ headers: { Authorization: authorizationHeader(credentials) } })
}
