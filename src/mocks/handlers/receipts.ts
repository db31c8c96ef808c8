import type { PrintStatusId } from '@/api/wire'
import { STATUS_TITLES } from '../data/titles'
import type { MockTransaction } from '../types'

/** "Sent for printing" and "waiting for the cash register": a callback may still settle them. */
export const IN_FLIGHT: ReadonlySet<number> = new Set([2, 5])

export function setStatus(transaction: MockTransaction, status: PrintStatusId) {
  transaction.status = { id: status, title: STATUS_TITLES[status] }
  if (status === 1) transaction.printed_count = 1
  delete transaction.settleAt
  delete transaction.finalStatus
}

/** Receipts settle when their time comes, so timers need not run in tests. */
export function settle(transaction: MockTransaction): MockTransaction {
  if (
    transaction.settleAt !== undefined &&
    Date.now() >= transaction.settleAt &&
    transaction.finalStatus !== undefined
  ) {
    setStatus(transaction, transaction.finalStatus)
  }
  return transaction
}
