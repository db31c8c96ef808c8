import { queryOptions } from '@tanstack/react-query'
import { api, authorizationHeader, payload, type Credentials } from './client'
import { queryKeys } from './keys'
import type { components } from './schema.gen'

export type Location = components['schemas']['Company']

/** Large enough for any salon chain a user manages; the API's default page is 25. */
const MY_LOCATIONS_PAGE = 200

async function getMyLocations(init: { signal?: AbortSignal; headers?: Record<string, string> }) {
  const result = await api.GET('/companies', {
    params: { query: { my: 1, count: MY_LOCATIONS_PAGE } },
    ...init,
  })
  return payload(result).data
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
