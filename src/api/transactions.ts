import { queryOptions, skipToken } from '@tanstack/react-query'
import { apiTime } from '@/domain/apiDate'
import { addDays } from '@/domain/days'
import { queryKeys } from './keys'
import {
  learnedOrder,
  readLogPage,
  readServerPage,
  readWholeLog,
  totalOf,
  type LogFilters,
  type TransactionFilters,
  type TransactionPage,
} from './logReader'
import { findInLog, type Found } from './logSearch'
import type { KkmTransaction, OperationTypeId } from './wire'

export type { KkmTransaction, OperationTypeId, PrintStatusId, DocumentTypeId } from './wire'
export {
  BULK_PAGE_SIZE,
  MAX_BULK_ROWS,
  type LogFilters,
  type TransactionFilters,
  type TransactionPage,
} from './logReader'

export const allTransactionsQuery = (locationId: number, filters: LogFilters) =>
  queryOptions({
    queryKey: queryKeys.transactionList(locationId, filters),
    queryFn: ({ signal }) => readWholeLog(locationId, filters, signal),
    staleTime: 15_000,
  })

export const transactionsQuery = (locationId: number, filters: TransactionFilters) =>
  queryOptions({
    queryKey: queryKeys.transactionList(locationId, filters),
    queryFn: ({ signal, client }): Promise<TransactionPage> => {
      const { page, pageSize, ...range } = filters
      // The whole log, when it is needed, is cached once for every page of these filters.
      const readWhole = () => client.fetchQuery(allTransactionsQuery(locationId, range))
      return readLogPage(locationId, range, page, pageSize, readWhole, signal)
    },
    staleTime: 15_000,
  })

export const IN_FLIGHT_STATUSES: ReadonlySet<number> = new Set([2, 5])
export const FAILED_STATUSES: ReadonlySet<number> = new Set([0, 3, 4])
export const SUCCESS_STATUS = 1

export function isTerminalStatus(statusId: number): boolean {
  return !IN_FLIGHT_STATUSES.has(statusId)
}

/** A document's transactions of one operation type in a date range (the API has no document filter). */
export async function getDocumentTransactions(
  locationId: number,
  documentId: number,
  type: OperationTypeId,
  range: { startDate: string; endDate: string },
  signal?: AbortSignal,
): Promise<KkmTransaction[]> {
  const { transactions } = await readWholeLog(locationId, { ...range, type, status: null }, signal)
  return transactions.filter((t) => t.document.id === documentId)
}

/** `documentId` null (nothing typed yet, or not a valid id): nothing to ask, and nothing is sent. */
export const documentTransactionsQuery = (
  locationId: number,
  documentId: number | null,
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
    queryFn:
      documentId === null
        ? skipToken
        : ({ signal }) => getDocumentTransactions(locationId, documentId, type, range, signal),
    staleTime: 0,
  })

/**
 * One transaction, found in the log of its day: how a print is followed to its final status.
 * `hint` is the server page it was found on last time.
 */
export function findTransaction(
  locationId: number,
  transaction: Pick<KkmTransaction, 'id' | 'type'>,
  day: string,
  hint: number | null,
  signal?: AbortSignal,
): Promise<Found | null> {
  const filters = { startDate: day, endDate: day, type: transaction.type.id, status: null }
  return findInLog(locationId, filters, transaction.id, hint, signal)
}

/**
 * The newest of some transactions of one location, whatever their order (their wall times
 * compare as they are); one whose date cannot be read is never the newest.
 */
export function newestTransaction(transactions: readonly KkmTransaction[]): KkmTransaction | null {
  const at = (transaction: KkmTransaction) => apiTime(transaction.print_date, 'UTC') || -Infinity
  let best: KkmTransaction | null = null
  for (const transaction of transactions)
    if (best === null || at(transaction) > at(best)) best = transaction
  return best
}

/**
 * The newest transaction for the filters, whichever end the server starts from: from a server
 * whose pages have shown it lists the newest first, the first one-row page; with a count that is
 * a total, the first and the last one-row page are the two ends (and a one-row page teaches the
 * reader whether counts are totals); otherwise all of them.
 */
async function newestFor(locationId: number, filters: LogFilters, signal?: AbortSignal) {
  const first = await readServerPage(locationId, filters, 1, 1, signal)
  const total = totalOf(first)
  if (first.rows.length === 0) return null
  if (first.rows.length === 1 && learnedOrder() === 'newest-first') return first.rows[0] ?? null
  if (first.rows.length === 1 && total !== null) {
    const last = total > 1 ? await readServerPage(locationId, filters, total, 1, signal) : null
    return newestTransaction([...first.rows, ...(last?.rows ?? [])])
  }
  return newestTransaction((await readWholeLog(locationId, filters, signal)).transactions)
}

/** The last successful shift opening and closing in the range: the shift state is derived from them. */
export async function getShiftEvents(
  locationId: number,
  range: { startDate: string; endDate: string },
  signal?: AbortSignal,
) {
  const latest = (type: OperationTypeId) =>
    newestFor(locationId, { ...range, type, status: SUCCESS_STATUS }, signal)
  // Side by side: the limiter paces them, and neither needs the other's answer.
  const [opening, closing] = await Promise.all([latest(4), latest(5)])
  return { opening, closing }
}

/** How far back the shift is looked for: a shift left open longer than this is not found. */
export const SHIFT_LOOK_BACK_DAYS = 30

/** The days the shift is looked for in, up to `today` at the location. */
export const shiftRange = (today: string) => ({
  startDate: addDays(today, -SHIFT_LOOK_BACK_DAYS),
  endDate: today,
})

export const shiftQuery = (locationId: number, today: string) =>
  queryOptions({
    queryKey: queryKeys.shift(locationId, today),
    queryFn: ({ signal }) => getShiftEvents(locationId, shiftRange(today), signal),
    staleTime: 60_000,
  })
