import type { PrintStatusId } from '@/api/wire'
import { createTransaction, startOfDayInZone, type TransactionOverrides } from './generators'
import type { MockDatabase, MockTransaction } from './db'

/**
 * The sale the print tests and stories start from: a visit at location 1 (Moscow), labelled
 * `Visit #777001` in the log, on top of the log as the newest row. Its ids lie far above the
 * seed's, so it can never be confused with a seeded row.
 */
export const RECENT_SALE = {
  locationId: 1,
  transactionId: 900_001,
  documentId: 777_001,
  offsetHours: 3,
  sum: 1234.5,
} as const

export interface RecentSaleOptions extends Partial<Omit<TransactionOverrides, 'status'>> {
  /** How long ago it printed; never before today's midnight in Moscow, so it is today's. */
  minutesAgo?: number
  /** Runtime error by default: it did not print, so printing it again is legitimate. */
  status?: PrintStatusId
}

/** The recent sale as a record, with `overrides` making it anything else. */
export function recentSale({
  minutesAgo = 5,
  status = 3,
  ...overrides
}: RecentSaleOptions = {}): MockTransaction {
  const now = Date.now()
  const midnight = startOfDayInZone(now, RECENT_SALE.offsetHours)
  return createTransaction({
    id: RECENT_SALE.transactionId,
    document: { id: RECENT_SALE.documentId, type: 7 },
    type: 0,
    status,
    sum: RECENT_SALE.sum,
    at: Math.max(now - minutesAgo * 60_000, midnight),
    offsetHours: RECENT_SALE.offsetHours,
    ...overrides,
  })
}

/** Puts the recent sale (or a variant of it) on top of location 1's log in `database`. */
export function addRecentSale(
  database: MockDatabase,
  options?: RecentSaleOptions,
): MockTransaction {
  const transaction = recentSale(options)
  database.transactions.get(RECENT_SALE.locationId)?.unshift(transaction)
  return transaction
}
