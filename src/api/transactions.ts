import { queryOptions } from '@tanstack/react-query'
import { api, payload } from './client'
import { queryKeys } from './keys'
import type { components } from './schema.gen'

export type KkmTransaction = components['schemas']['KkmTransaction']
export type OperationTypeId = components['schemas']['OperationTypeId']
export type PrintStatusId = components['schemas']['PrintStatusId']
export type DocumentTypeId = components['schemas']['DocumentTypeId']

export interface TransactionFilters {
  /** First day, `YYYY-MM-DD`, in the location's calendar. */
  startDate: string
  /** Last day, inclusive. */
  endDate: string
  type: OperationTypeId | null
  status: PrintStatusId | null
  page: number
  pageSize: number
}

export interface TransactionPage {
  transactions: KkmTransaction[]
  /** `meta.count`: transactions found for the filters, across pages. */
  total: number
}

export async function getTransactions(
  locationId: number,
  filters: TransactionFilters,
  signal?: AbortSignal,
): Promise<TransactionPage> {
  const result = await api.GET('/kkm_transactions/{location_id}', {
    params: {
      path: { location_id: locationId },
      query: {
        page: filters.page,
        editable_length: filters.pageSize,
        start_date: filters.startDate,
        end_date: filters.endDate,
        ...(filters.type === null ? {} : { type: filters.type }),
        ...(filters.status === null ? {} : { status: filters.status }),
      },
    },
    signal,
  })
  const body = payload(result)
  return { transactions: body.data, total: body.meta.count }
}

export const transactionsQuery = (locationId: number, filters: TransactionFilters) =>
  queryOptions({
    queryKey: queryKeys.transactionList(locationId, filters),
    queryFn: ({ signal }) => getTransactions(locationId, filters, signal),
    staleTime: 15_000,
  })
