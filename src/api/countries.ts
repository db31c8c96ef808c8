import { queryOptions } from '@tanstack/react-query'
import { api, payload } from './client'
import { queryKeys } from './keys'
import type { components } from './schema.gen'

export type Country = components['schemas']['Country']

/** Reference data changes rarely: keep it for hours and do not refetch on focus or mount. */
export const REFERENCE_STALE_TIME = 6 * 60 * 60 * 1000

export async function getCountries(signal?: AbortSignal): Promise<Country[]> {
  return payload(await api.GET('/countries', { signal })).data
}

export const countriesQuery = () =>
  queryOptions({
    queryKey: queryKeys.countries(),
    queryFn: ({ signal }) => getCountries(signal),
    staleTime: REFERENCE_STALE_TIME,
    gcTime: REFERENCE_STALE_TIME,
  })

/** Old YCLIENTS deployments send ids as strings. */
export function countryId(country: Country): number {
  return Number(country.id)
}
