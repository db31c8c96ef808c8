import { mutationOptions, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { api, payload } from './client'
import { queryKeys } from './keys'
import { fromWireTransaction, type KkmTransaction } from './wire'
import type { components } from './schema.gen'
import type { LogFilters, TransactionFilters, TransactionPage } from './transactions'

/** A list key's filters: a page's, or the whole log's (no `page`, no `pageSize`). */
type ListFilters = LogFilters & Partial<Pick<TransactionFilters, 'page' | 'pageSize'>>

export type PrintRequest = components['schemas']['PrintBillRequest']
/** The answer to a print: the transactions it created, as the app reads them. */
export interface PrintResult {
  kkm_transactions: KkmTransaction[]
  /** Opaque in the API: passed on as sent. */
  bill_json: components['schemas']['PrintBillResult']['bill_json']
}

/**
 * `print_document_bill` makes the register print a fiscal receipt. Not idempotent: one call,
 * one receipt. Never retried (the mutation default and here), serialised per app by `scope`.
 */
export async function printDocumentBill(
  locationId: number,
  body: PrintRequest,
): Promise<PrintResult> {
  const result = await api.POST('/kkm_transactions/{location_id}/print_document_bill', {
    params: { path: { location_id: locationId } },
    body,
  })
  const data = payload(result).data
  return {
    kkm_transactions: (data.kkm_transactions ?? []).map(fromWireTransaction),
    bill_json: data.bill_json ?? [],
  }
}

export const printMutation = (locationId: number) =>
  mutationOptions({
    mutationKey: queryKeys.mutations.print(locationId),
    mutationFn: (body: PrintRequest) => printDocumentBill(locationId, body),
    retry: false,
    scope: { id: `print-${locationId}` },
  })

/** The filters of a cached list page of the log, or null for any other query under the location. */
function listFiltersOf(key: QueryKey, locationId: number): ListFilters | null {
  const prefix = queryKeys.transactionLists(locationId)
  if (key.length !== prefix.length + 1 || prefix.some((part, i) => key[i] !== part)) return null
  const filters = key[prefix.length]
  // The key was built by queryKeys.transactionList, so an object in its place is its filters.
  return typeof filters === 'object' && filters !== null ? (filters as ListFilters) : null
}

/**
 * Would the server list a new receipt at the top of this page? Only where its filters hold it
 * (its day in the range, its type and status), and only on the page the newest rows are on:
 * page 1 of a paged view, or the whole log (a key without `page`).
 */
function belongsOnTop(filters: ListFilters, transaction: KkmTransaction, day: string) {
  const top = filters.page === undefined || filters.page === 1
  return (
    top &&
    filters.startDate <= day &&
    day <= filters.endDate &&
    (filters.type === null || filters.type === transaction.type.id) &&
    (filters.status === null || filters.status === transaction.status.id)
  )
}

/**
 * Puts a transaction into the cached pages of the location's log: replaces it wherever it is,
 * and adds a new one on top of the list pages whose filters it matches. `day` is its calendar
 * day at the location (this layer knows no time zones).
 */
export function upsertCachedTransaction(
  queryClient: QueryClient,
  locationId: number,
  transaction: KkmTransaction,
  day: string,
): void {
  const cached = queryClient.getQueriesData<TransactionPage>({
    queryKey: queryKeys.transactions(locationId),
  })
  for (const [key, page] of cached) {
    if (!page || !Array.isArray(page.transactions)) continue
    const index = page.transactions.findIndex((t) => t.id === transaction.id)
    if (index >= 0) {
      const transactions = page.transactions.slice()
      transactions[index] = transaction
      queryClient.setQueryData<TransactionPage>(key, { ...page, transactions })
      continue
    }
    const filters = listFiltersOf(key, locationId)
    if (filters && belongsOnTop(filters, transaction, day)) {
      queryClient.setQueryData<TransactionPage>(key, {
        ...page,
        transactions: [transaction, ...page.transactions],
        total: page.total + 1,
      })
    }
  }
}
