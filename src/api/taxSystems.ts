import { queryOptions } from '@tanstack/react-query'
import { api, payload } from './client'
import { REFERENCE_STALE_TIME } from './countries'
import { queryKeys } from './keys'
import type { components } from './schema.gen'

export type TaxSystem = components['schemas']['TaxSystem']
export type Vat = components['schemas']['Vat']

export async function getTaxSystems(countryId: number, signal?: AbortSignal): Promise<TaxSystem[]> {
  const result = await api.GET('/integration/kkm/references/tax_system/{country_id}', {
    params: { path: { country_id: countryId } },
    signal,
  })
  return payload(result).data
}

export const taxSystemsQuery = (countryId: number) =>
  queryOptions({
    queryKey: queryKeys.taxSystems(countryId),
    queryFn: ({ signal }) => getTaxSystems(countryId, signal),
    staleTime: REFERENCE_STALE_TIME,
    gcTime: REFERENCE_STALE_TIME,
  })
