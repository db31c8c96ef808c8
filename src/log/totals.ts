/**
 * The money that went through the register in some transactions. Only sales (operation 0) and
 * sale returns (1) are receipts; shift openings and closings, cash deposits and withdrawals,
 * corrections and reports are counted apart, as "other operations". A cashier reconciles the
 * drawer against what was actually printed, so only successful receipts (status 1) are added up:
 * failed ones (0, 3, 4) and ones still printing (2, 5, or a status the console does not know) are
 * counted and named, never added. A return's amount is taken as its size whether a deployment
 * sends it positive or negative.
 */
import { FAILED_STATUSES, SUCCESS_STATUS, type KkmTransaction } from '@/api/transactions'
import type { MoneyTotalsView } from '@/components/MoneyTotals'

const SALE = 0
const SALE_RETURN = 1

/** Whether some rows are all the range has: the reader's count is exact and every row is in. */
export interface Coverage {
  total: number
  exact: boolean
}

/**
 * The totals of `transactions`; `coverage` is the read they came from (`TransactionPage`'s total
 * and exact). Money is added in kopecks (cents), so 0.1 + 0.2 is 0.30, not 0.30000000000000004.
 */
export function moneyTotals(
  transactions: readonly KkmTransaction[],
  coverage: Coverage,
): MoneyTotalsView {
  let salesCents = 0
  let returnsCents = 0
  let sales = 0
  let returns = 0
  const notCounted = { failed: 0, printing: 0, unreadable: 0 }
  let otherOperations = 0
  for (const transaction of transactions) {
    const type = transaction.type.id
    if (type !== SALE && type !== SALE_RETURN) {
      otherOperations++
      continue
    }
    const status = transaction.status.id
    if (status !== SUCCESS_STATUS) {
      if (FAILED_STATUSES.has(status)) notCounted.failed++
      else notCounted.printing++
      continue
    }
    if (!Number.isFinite(transaction.sum)) {
      notCounted.unreadable++
      continue
    }
    const cents = Math.round(Math.abs(transaction.sum) * 100)
    if (type === SALE) {
      salesCents += cents
      sales++
    } else {
      returnsCents += cents
      returns++
    }
  }
  const loaded = transactions.length
  return {
    sales: { count: sales, amount: salesCents / 100 },
    returns: { count: returns, amount: returnsCents / 100 },
    net: (salesCents - returnsCents) / 100,
    receipts: sales + returns,
    notCounted,
    otherOperations,
    complete: coverage.exact && loaded >= coverage.total,
    loaded,
    total: Math.max(coverage.total, loaded),
    totalExact: coverage.exact,
  }
}
