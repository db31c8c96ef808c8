import { mutationOptions, type QueryClient } from '@tanstack/react-query'
import { api, payload } from './client'
import { queryKeys } from './keys'
import type { components } from './schema.gen'
import type { KkmTransaction, TransactionPage } from './transactions'

export type PrintRequest = components['schemas']['PrintBillRequest']
export type PrintResult = components['schemas']['PrintBillResult']

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
  return payload(result).data
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
      return { transactions: [transaction, ...page.transactions], total: page.total + 1 }
    },
  )
}
