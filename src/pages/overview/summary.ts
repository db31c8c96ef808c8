import {
  FAILED_STATUSES,
  IN_FLIGHT_STATUSES,
  SUCCESS_STATUS,
  type KkmTransaction,
  type OperationTypeId,
  type PrintStatusId,
} from '@/api/transactions'
import type { StatusTone } from '@/components/StatusBadge'
import { parseApiDate, zoneOffsetMs } from '@/domain/apiDate'
import { dayInZone } from '@/i18n/format'
import { PRINT_STATUS_LABELS } from '@/i18n/labels'
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  PAGE_SIZES,
  writeLogParams,
  type LogView,
  type PageSize,
} from '@/log/logParams'
import { deriveShift } from '@/log/shift'
import {
  documentLabel,
  ENGLISH,
  statusLabel,
  statusTone,
  type ViewLanguage,
} from '@/log/view'
import { paths } from '@/paths'

/** A receipt still in flight (2 sent for printing, 5 waiting for the register) this long after it was sent is stuck. */
export const STUCK_AFTER_MS = 5 * 60_000

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
 */
export function summarizeDay(
  transactions: readonly KkmTransaction[],
  timeZone: string,
  asOf: number,
  { t }: ViewLanguage = ENGLISH,
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
  }
}

export interface ShiftEvents {
  opening: KkmTransaction | null
  closing: KkmTransaction | null
}

/** The latest successful shift opening and closing among transactions, whatever their order. */
export function latestShiftEvents(
  transactions: readonly KkmTransaction[],
  timeZone: string,
): ShiftEvents {
  const at = (t: KkmTransaction) => parseApiDate(t.print_date, timeZone)?.getTime() ?? -Infinity
  const latest = (type: OperationTypeId) =>
    transactions
      .filter((t) => t.type.id === type && t.status.id === SUCCESS_STATUS)
      .reduce<KkmTransaction | null>(
        (best, t) => (best === null || at(t) > at(best) ? t : best),
        null,
      )
  return { opening: latest(4), closing: latest(5) }
}

export type ShiftSummary =
  | {
      state: 'open'
      /** "3 h 12 min", from shift.ts. */
      duration: string
      /** The day the shift was opened, `YYYY-MM-DD` at the location. */
      openedOn: string
      overdue: boolean
    }
  | { state: 'closed'; at: string }
  | { state: 'none' }

/** `HH:MM`, 24-hour, at the location. */
export function timeOfDay(date: Date, timeZone: string): string {
  return new Date(date.getTime() + zoneOffsetMs(date, timeZone)).toISOString().slice(11, 16)
}

/** The shift as the log page derives it (shift.ts), said the overview's way. */
export function summarizeShift(
  events: ShiftEvents,
  timeZone: string,
  today: string,
  asOf: number,
  language: ViewLanguage = ENGLISH,
): ShiftSummary {
  const view = deriveShift(events, timeZone, asOf, { t: language.t, locale: language.intlLocale })
  if (view.state === 'open' && events.opening) {
    const opened = parseApiDate(events.opening.print_date, timeZone)
    return {
      state: 'open',
      duration: view.duration,
      openedOn: opened ? dayInZone(opened, timeZone) : today,
      overdue: view.overdue,
    }
  }
  const closed = events.closing ? parseApiDate(events.closing.print_date, timeZone) : null
  if (closed && dayInZone(closed, timeZone) === today)
    return { state: 'closed', at: timeOfDay(closed, timeZone) }
  return { state: 'none' }
}

/**
 * The shift from today's log alone, with no request of its own. `null` when today's log holds no
 * shift opening or closing: then only the look-back can tell "no shift today" from a shift opened
 * on an earlier day and never closed.
 */
export function shiftFromTodaysLog(
  transactions: readonly KkmTransaction[],
  timeZone: string,
  today: string,
  asOf: number,
  language: ViewLanguage = ENGLISH,
): ShiftSummary | null {
  const events = latestShiftEvents(transactions, timeZone)
  if (!events.opening && !events.closing) return null
  return summarizeShift(events, timeZone, today, asOf, language)
}

export interface LogFilter {
  startDate: string
  endDate: string
  type?: OperationTypeId | null
  status?: PrintStatusId | null
  transactionId?: number | null
  /**
   * How many transactions the filter finds, when known: the link then asks for a page size that
   * shows them all, whatever size the reader remembers. Unknown, it leaves the size to the reader.
   */
  expected?: number
}

/** The smallest of the log's page sizes, from the default up, that shows `count` rows on one page. */
function pageSizeFor(count: number): PageSize {
  if (typeof DEFAULT_PAGE_SIZE === 'number' && count <= DEFAULT_PAGE_SIZE) return DEFAULT_PAGE_SIZE
  return PAGE_SIZES.find((size) => size >= count) ?? 'all'
}

/**
 * A link into a location's log, in the log's own URL format (logParams.ts). Dates are always
 * written out (no "today" default is passed): a figure counts one day, and its link keeps showing
 * that day when followed after midnight or shared.
 */
export function logHref(locationId: number, filter: LogFilter): string {
  const view: LogView = {
    startDate: filter.startDate,
    endDate: filter.endDate,
    type: filter.type ?? null,
    status: filter.status ?? null,
    page: 1,
    pageSize: filter.expected === undefined ? DEFAULT_PAGE_SIZE : pageSizeFor(filter.expected),
    sort: DEFAULT_SORT,
    transactionId: filter.transactionId ?? null,
  }
  const implicitPageSize = filter.expected === undefined ? view.pageSize : null
  return paths.log(locationId, writeLogParams(view, '', implicitPageSize))
}
