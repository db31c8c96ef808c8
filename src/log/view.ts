/**
 * The log as people see it — rows, details, labels, the sort and the CSV — in a location's zone
 * and the interface's language. src/log holds the log's view model (this, its URL in
 * logParams.ts, the shift in shift.ts) because the log page and the overview both read it: it
 * belongs to neither page's folder, and pages never import each other's.
 */
import type { Location } from '@/api/locations'
import {
  FAILED_STATUSES,
  IN_FLIGHT_STATUSES,
  SUCCESS_STATUS,
  type KkmTransaction,
  type PrintStatusId,
} from '@/api/transactions'
import type { StatusTone } from '@/components/StatusBadge'
import type { TransactionDetailsView } from '@/components/TransactionDetails'
import { onceEach, type SortState, type TransactionRowView } from '@/components/transactionRows'
import { apiTime, parseApiDate } from '@/domain/apiDate'
import { INTL_LOCALES, type Messages } from '@/i18n'
import { formatCount, formatDateTime, formatMoney, locationTimeZone } from '@/i18n/format'
import { labelFor } from '@/i18n/labels'
import { en } from '@/i18n/messages/en'

/** How one location shows its numbers and times. */
export interface LocationFormat {
  timeZone: string
  currency: string | undefined
  /** The interface language's catalogue and Intl locale (English unless given). */
  t: Messages
  locale: string
}

/** The language a view is built in: `useI18n()`'s `t` and `intlLocale`. */
export interface ViewLanguage {
  t: Messages
  intlLocale: string
}

export const ENGLISH: ViewLanguage = { t: en, intlLocale: INTL_LOCALES.en }

export function locationFormat(
  location: Location | undefined,
  language: ViewLanguage = ENGLISH,
): LocationFormat {
  return {
    timeZone: locationTimeZone(location),
    currency: location?.currency_short_title,
    t: language.t,
    locale: language.intlLocale,
  }
}

export function statusTone(statusId: number): StatusTone {
  if (IN_FLIGHT_STATUSES.has(statusId)) return 'pending'
  if (statusId === SUCCESS_STATUS) return 'success'
  if (FAILED_STATUSES.has(statusId)) return 'failure'
  return 'unknown'
}

/**
 * The printing statuses by meaning, as the filter lists them and the status column sorts: in
 * flight, done, failed (the API's ids follow no such order).
 */
export const STATUS_GROUPS: readonly {
  key: 'inFlight' | 'success' | 'failures'
  ids: readonly PrintStatusId[]
}[] = [
  { key: 'inFlight', ids: [...IN_FLIGHT_STATUSES] as PrintStatusId[] },
  { key: 'success', ids: [SUCCESS_STATUS as PrintStatusId] },
  { key: 'failures', ids: [...FAILED_STATUSES] as PrintStatusId[] },
]

const STATUS_RANK = new Map(
  STATUS_GROUPS.flatMap((group) => group.ids).map((id, rank) => [id as number, rank]),
)

/** A status's place in STATUS_GROUPS' order; one the reference does not know comes last. */
export function statusRank(statusId: number): number {
  return STATUS_RANK.get(statusId) ?? STATUS_RANK.size + statusId
}

/** A typed sum as a number: `1 234,50`, `1234.5`, `₽1,234.50`; null when it is not one. */
export function parseTypedSum(text: string): number | null {
  let digits = text.replace(/[^\d.,-]/g, '')
  // With both separators, the first is the thousands' one.
  if (digits.includes('.') && digits.includes(',')) {
    const thousands = digits.indexOf('.') < digits.indexOf(',') ? '.' : ','
    digits = digits.split(thousands).join('')
  }
  digits = digits.replace(',', '.')
  if (!/^-?\d+(\.\d{1,2})?$/.test(digits)) return null
  return Number(digits)
}

/**
 * Whether a transaction is the one looked for: its document number or transaction id (as typed
 * or part of it), its cashier's name (any part, any case), or its sum (to the kopeck).
 */
export function matchesSearch(transaction: KkmTransaction, search: string): boolean {
  const typed = search.trim().toLocaleLowerCase()
  if (typed === '') return true
  if (/^#?\d+$/.test(typed)) {
    const number = typed.replace('#', '')
    if (String(transaction.document.id).includes(number) || String(transaction.id) === number)
      return true
  }
  if (transaction.cashier?.name.toLocaleLowerCase().includes(typed)) return true
  const sum = parseTypedSum(typed)
  return sum !== null && Math.round(sum * 100) === Math.round(transaction.sum * 100)
}

/**
 * The rows the log's own filters leave: several statuses (the API filters by one) and a search.
 * Applied to the whole range, so a match on a later page is found.
 */
export function narrowTransactions(
  transactions: readonly KkmTransaction[],
  filter: { statuses: readonly PrintStatusId[]; search: string },
): KkmTransaction[] {
  const statuses = new Set<number>(filter.statuses)
  return transactions.filter(
    (transaction) =>
      (statuses.size === 0 || statuses.has(transaction.status.id)) &&
      matchesSearch(transaction, filter.search),
  )
}

export function statusLabel(transaction: Pick<KkmTransaction, 'status'>, t: Messages = en): string {
  return labelFor(t.enums.printStatus, transaction.status.id, transaction.status.title)
}

export function operationLabel(
  transaction: Pick<KkmTransaction, 'type'>,
  t: Messages = en,
): string {
  return labelFor(t.enums.operationType, transaction.type.id, transaction.type.title)
}

export function documentLabel(transaction: KkmTransaction, t: Messages = en): string {
  const type = transaction.document
    ? labelFor(t.enums.documentType, transaction.document.type, transaction.document.type_title)
    : t.details.documentFallback
  return `${type} #${transaction.document.id}`
}

/** Receipts can be printed for sales and returns of a document. */
export function isPrintable(transaction: KkmTransaction): boolean {
  return (transaction.type.id === 0 || transaction.type.id === 1) && transaction.document.id > 0
}

export function printedAt(transaction: KkmTransaction, format: LocationFormat): string {
  const date = parseApiDate(transaction.print_date, format.timeZone)
  return date ? formatDateTime(date, format.timeZone, format.locale) : transaction.print_date
}

export function toRow(transaction: KkmTransaction, format: LocationFormat): TransactionRowView {
  const { t } = format
  return {
    id: transaction.id,
    printedAt: printedAt(transaction, format),
    operation: operationLabel(transaction, t),
    document: documentLabel(transaction, t),
    sum: formatMoney(transaction.sum, format.currency, format.locale),
    statusLabel: statusLabel(transaction, t),
    statusTone: statusTone(transaction.status.id),
    cashier: transaction.cashier?.name ?? t.common.none,
    printedCount: formatCount(transaction.printed_count, format.locale),
    printable: isPrintable(transaction),
  }
}

export function toDetails(
  transaction: KkmTransaction,
  format: LocationFormat,
): TransactionDetailsView {
  const { t } = format
  const d = t.details
  return {
    id: transaction.id,
    title: d.title(transaction.id),
    statusTone: statusTone(transaction.status.id),
    statusLabel: statusLabel(transaction, t),
    printable: isPrintable(transaction),
    fields: [
      { label: d.id, value: String(transaction.id) },
      { label: d.printedAt, value: `${printedAt(transaction, format)} (${format.timeZone})` },
      { label: d.asSent, value: transaction.print_date },
      {
        label: d.operation,
        value: d.operationValue(
          operationLabel(transaction, t),
          transaction.type.id,
          transaction.type.title,
        ),
      },
      {
        label: d.status,
        value: d.statusValue(
          statusLabel(transaction, t),
          transaction.status.id,
          transaction.status.title,
        ),
      },
      { label: d.document, value: documentLabel(transaction, t) },
      {
        label: d.documentType,
        value: transaction.document
          ? `${transaction.document.type} (“${transaction.document.type_title}”)`
          : t.common.none,
      },
      { label: d.sum, value: formatMoney(transaction.sum, format.currency, format.locale) },
      { label: d.printedCount, value: formatCount(transaction.printed_count, format.locale) },
      {
        label: d.cashier,
        value: transaction.cashier
          ? d.cashierValue(transaction.cashier.name, transaction.cashier.id)
          : t.common.none,
      },
    ],
  }
}

/**
 * Each row's instant in each zone, read once per row object: a re-sort (another order, a refetch
 * that keeps its rows) parses only the rows it has not seen.
 */
const printTimes = new Map<string, (transaction: KkmTransaction) => number>()

function printTime(transaction: KkmTransaction, timeZone: string): number {
  let read = printTimes.get(timeZone)
  if (!read) {
    // An unreadable date sorts as the oldest, not as NaN (which would scramble the order).
    read = onceEach((row: KkmTransaction) => apiTime(row.print_date, timeZone) || -Infinity)
    printTimes.set(timeZone, read)
  }
  return read(transaction)
}

const SORT_VALUE: Record<
  SortState['key'],
  (transaction: KkmTransaction, timeZone: string) => number | string
> = {
  date: printTime,
  sum: (transaction) => transaction.sum,
  status: (transaction) => statusRank(transaction.status.id),
  operation: (transaction) => transaction.type.id,
  cashier: (transaction) => transaction.cashier?.name ?? '',
}

interface Keyed {
  transaction: KkmTransaction
  value: number | string
}

/**
 * The rows in the view's order; ties by id. Rows that already are in it (the server's own order,
 * the usual case) are checked in one pass and copied, not sorted.
 */
export function sortTransactions(
  transactions: readonly KkmTransaction[],
  sort: SortState,
  timeZone: string,
): KkmTransaction[] {
  const valueOf = SORT_VALUE[sort.key]
  const sign = sort.direction === 'asc' ? 1 : -1
  const keyed = transactions.map((transaction) => ({
    transaction,
    value: valueOf(transaction, timeZone),
  }))
  const compare = (a: Keyed, b: Keyed) => {
    const order =
      typeof a.value === 'string' || typeof b.value === 'string'
        ? String(a.value).localeCompare(String(b.value))
        : a.value - b.value
    return sign * (order || a.transaction.id - b.transaction.id)
  }
  if (keyed.every((row, index) => index === 0 || compare(keyed[index - 1] as Keyed, row) <= 0))
    return transactions.slice()
  return keyed.sort(compare).map(({ transaction }) => transaction)
}
