import { mutationOptions, type QueryClient } from '@tanstack/react-query'
import { api, payload } from './client'
import { queryKeys } from './keys'
import type { components } from './schema.gen'
import type { TransactionPage } from './transactions'
import { fromWireTransaction, type KkmTransaction } from './wire'

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
    mutationKey: ['print', locationId],
    mutationFn: (body: PrintRequest) => printDocumentBill(locationId, body),
    retry: false,
    scope: { id: `print-${locationId}` },
  })

/** Puts a transaction into every cached page of the location's log: replaces it, or adds a new one on top. */
export function upsertCachedTransaction(
  queryClient: QueryClient,
  locationId: number,
  transaction: KkmTransaction,
): void {
  queryClient.setQueriesData<TransactionPage>(
    { queryKey: queryKeys.transactions(locationId) },
    (page) => {
      if (!page || !Array.isArray(page.transactions)) return page
      const index = page.transactions.findIndex((t) => t.id === transaction.id)
      if (index >= 0) {
        const transactions = page.transactions.slice()
        transactions[index] = transaction
        return { ...page, transactions }
      }
      return { ...page, transactions: [transaction, ...page.transactions], total: page.total + 1 }
    },
  )
}
