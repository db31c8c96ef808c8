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

/** The API's page size for bulk reads (export, the 10,000-row view). */
export const BULK_PAGE_SIZE = 1000
/** A hard stop, so a runaway filter cannot pull a whole year through the rate limit. */
export const MAX_BULK_ROWS = 20_000

/** Every page for the filters, in the API's order; requests go through the rate limiter like any other. */
export async function getAllTransactions(
  locationId: number,
  filters: Omit<TransactionFilters, 'page' | 'pageSize'>,
  signal?: AbortSignal,
): Promise<TransactionPage> {
  const transactions: KkmTransaction[] = []
  let total = 0
  for (let page = 1; ; page++) {
    const result = await getTransactions(
      locationId,
      { ...filters, page, pageSize: BULK_PAGE_SIZE },
      signal,
    )
    transactions.push(...result.transactions)
    total = result.total
    if (
      result.transactions.length < BULK_PAGE_SIZE ||
      transactions.length >= Math.min(total, MAX_BULK_ROWS)
    )
      break
  }
  return { transactions, total }
}

export const allTransactionsQuery = (
  locationId: number,
  filters: Omit<TransactionFilters, 'page' | 'pageSize'>,
) =>
  queryOptions({
    queryKey: queryKeys.transactionList(locationId, { ...filters, page: 0, pageSize: 0 }),
    queryFn: ({ signal }) => getAllTransactions(locationId, filters, signal),
    staleTime: 15_000,
  })

export const IN_FLIGHT_STATUSES: ReadonlySet<number> = new Set([2, 5])
export const FAILED_STATUSES: ReadonlySet<number> = new Set([0, 3, 4])
export const SUCCESS_STATUS = 1

export function isTerminalStatus(statusId: number): boolean {
  return !IN_FLIGHT_STATUSES.has(statusId)
}

/** The document a transaction belongs to (`document.id`, or the older `document_id`). */
export function documentIdOf(transaction: KkmTransaction): number {
  return transaction.document?.id ?? transaction.document_id ?? 0
}

/** A document's transactions of one operation type in a date range (the API has no document filter). */
export async function getDocumentTransactions(
  locationId: number,
  documentId: number,
  type: OperationTypeId,
  range: { startDate: string; endDate: string },
  signal?: AbortSignal,
): Promise<KkmTransaction[]> {
  const { transactions } = await getAllTransactions(
    locationId,
    { ...range, type, status: null },
    signal,
  )
  return transactions.filter((t) => documentIdOf(t) === documentId)
}

export const documentTransactionsQuery = (
  locationId: number,
  documentId: number,
  type: OperationTypeId,
  range: { startDate: string; endDate: string },
) =>
  queryOptions({
    queryKey: queryKeys.documentReceipts(
      locationId,
      documentId,
      type,
      range.startDate,
      range.endDate,
    ),
    queryFn: ({ signal }) => getDocumentTransactions(locationId, documentId, type, range, signal),
    staleTime: 0,
  })

/** One transaction, found in the log of its day: how a print is followed to its final status. */
export async function findTransaction(
  locationId: number,
  transaction: Pick<KkmTransaction, 'id' | 'type'>,
  day: string,
  signal?: AbortSignal,
): Promise<KkmTransaction | null> {
  const { transactions } = await getTransactions(
    locationId,
    {
      startDate: day,
      endDate: day,
      type: transaction.type.id,
      status: null,
      page: 1,
      pageSize: 100,
    },
    signal,
  )
  return transactions.find((t) => t.id === transaction.id) ?? null
}

/** The last shift opening and closing in the 30 days up to `today`: the shift state is derived from them. */
export async function getShiftEvents(
  locationId: number,
  range: { startDate: string; endDate: string },
  signal?: AbortSignal,
) {
  // The API does not document the log's order: read both ends and keep the newer.
  const latest = async (type: OperationTypeId) => {
    const filters = { ...range, type, status: SUCCESS_STATUS, page: 1, pageSize: 1 } as const
    const first = await getTransactions(locationId, filters, signal)
    const last =
      first.total > 1
        ? await getTransactions(locationId, { ...filters, page: first.total }, signal)
        : null
    const candidates = [first.transactions[0], last?.transactions[0]].filter(
      (t): t is KkmTransaction => t !== undefined,
    )
    return candidates.sort((a, b) => Date.parse(b.print_date) - Date.parse(a.print_date))[0] ?? null
  }
  const opening = await latest(4)
  const closing = await latest(5)
  return { opening, closing }
}

export const shiftQuery = (locationId: number, range: { startDate: string; endDate: string }) =>
  queryOptions({
    queryKey: queryKeys.shift(locationId, range.endDate),
    queryFn: ({ signal }) => getShiftEvents(locationId, range, signal),
    staleTime: 60_000,
  })
