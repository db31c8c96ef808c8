import {
  FAILED_STATUSES,
  IN_FLIGHT_STATUSES,
  SUCCESS_STATUS,
  type KkmTransaction,
  type PrintStatusId,
} from '@/api/transactions'
import type { MoneyTotalsView } from '@/components/MoneyTotals'
import type { StatusTone } from '@/components/StatusBadge'
import { parseApiDate } from '@/domain/apiDate'
import { STUCK_AFTER_MS } from '@/domain/durations'
import { PRINT_STATUS_LABELS } from '@/i18n/labels'
import { moneyTotals, type Coverage } from '@/log/totals'
import { documentLabel, ENGLISH, statusLabel, statusTone, type ViewLanguage } from '@/log/view'

/** A receipt still in flight (2 sent for printing, 5 waiting for the register) this long after it was sent is stuck. */

/** Display order: success, in flight, failures; statuses the API adds later come last, by id. */
const STATUS_ORDER: readonly number[] = [SUCCESS_STATUS, 2, 5, 0, 3, 4]

export interface StatusCount {
  statusId: number
  label: string
  tone: StatusTone
  count: number
  /** The status as the log's filter takes it; null for a status the log cannot filter by. */
  filter: PrintStatusId | null
}

export interface StuckReceipt {
  id: number
  statusId: PrintStatusId
  statusLabel: string
  document: string
  /** Whole minutes since it was sent, at the time the log was read. */
  minutes: number
}

export interface DaySummary {
  total: number
  /** Statuses present today, in display order, with their counts. */
  byStatus: StatusCount[]
  /** The failure statuses (0, 3, 4) present today. */
  failed: StatusCount[]
  failedTotal: number
  /** In flight for longer than STUCK_AFTER_MS, oldest first. */
  stuck: StuckReceipt[]
  /** The day's sales, returns and net: the money of the same rows (src/log/totals.ts). */
  money: MoneyTotalsView
}

export function isPrintStatus(id: number): id is PrintStatusId {
  return id in PRINT_STATUS_LABELS
}

function displayRank(statusId: number): number {
  const rank = STATUS_ORDER.indexOf(statusId)
  return rank === -1 ? STATUS_ORDER.length + statusId : rank
}

/**
 * Today's log of one location in figures. `asOf` is when the log was read: a receipt's age is
 * measured from then, so the figures describe one moment and match what the log showed.
 * `coverage` is the read's total and exactness (a `TransactionPage`): without it the rows are
 * taken to be the whole day.
 */
export function summarizeDay(
  transactions: readonly KkmTransaction[],
  timeZone: string,
  asOf: number,
  { t }: ViewLanguage = ENGLISH,
  coverage: Coverage = { total: transactions.length, exact: true },
): DaySummary {
  const counts = new Map<number, StatusCount>()
  const stuck: { receipt: StuckReceipt; sentAt: number }[] = []
  for (const transaction of transactions) {
    const id = transaction.status.id
    const entry = counts.get(id)
    if (entry) entry.count++
    else
      counts.set(id, {
        statusId: id,
        label: statusLabel(transaction, t),
        tone: statusTone(id),
        count: 1,
        filter: isPrintStatus(id) ? id : null,
      })
    if (!IN_FLIGHT_STATUSES.has(id) || !isPrintStatus(id)) continue
    // An unreadable date cannot be aged: it is counted under its status, not called stuck.
    const sentAt = parseApiDate(transaction.print_date, timeZone)?.getTime()
    if (sentAt === undefined || asOf - sentAt <= STUCK_AFTER_MS) continue
    stuck.push({
      receipt: {
        id: transaction.id,
        statusId: id,
        statusLabel: statusLabel(transaction, t),
        document: documentLabel(transaction, t),
        minutes: Math.floor((asOf - sentAt) / 60_000),
      },
      sentAt,
    })
  }
  const byStatus = [...counts.values()].sort(
    (a, b) => displayRank(a.statusId) - displayRank(b.statusId),
  )
  const failed = byStatus.filter((entry) => FAILED_STATUSES.has(entry.statusId))
  return {
    total: transactions.length,
    byStatus,
    failed,
    failedTotal: failed.reduce((sum, entry) => sum + entry.count, 0),
    stuck: stuck
      .sort((a, b) => a.sentAt - b.sentAt || a.receipt.id - b.receipt.id)
      .map(({ receipt }) => receipt),
    money: moneyTotals(transactions, coverage),
  }
}
