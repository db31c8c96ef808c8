/** The log's view in its URL: read (with notes on what could not be read) and written back. */
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PageSize } from '@/api/pageSizes'
import type { KkmTransaction, OperationTypeId, PrintStatusId } from '@/api/transactions'
import type { SortKey, SortState } from '@/components/transactionRows'
import { parseApiDate } from '@/domain/apiDate'
import { addDays, isIsoDay } from '@/domain/days'
import type { Messages } from '@/i18n'
import { dayInZone } from '@/i18n/format'
import { OPERATION_TYPE_LABELS, PRINT_STATUS_LABELS } from '@/i18n/labels'
import { en } from '@/i18n/messages/en'
import { deriveShift } from './shift'

/** The page sizes live with the API's paging (a leaf the preferences store reads too). */
export { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PageSize }
export const DEFAULT_SORT: SortState = { key: 'date', direction: 'desc' }
const SORT_KEYS: SortKey[] = ['date', 'sum', 'status', 'operation', 'cashier']

/** Everything that defines what the log shows: it lives in the URL, so a link reproduces the view. */
export interface LogView {
  startDate: string
  endDate: string
  type: OperationTypeId | null
  /** Empty for every status; several are filtered here, over the whole range (the API takes one). */
  statuses: readonly PrintStatusId[]
  /** A document number, a cashier or a sum, looked for over the whole range; '' for none. */
  search: string
  page: number
  pageSize: PageSize
  sort: SortState
  /** The transaction whose details are open. */
  transactionId: number | null
}

export { isIsoDay }

function isOperationType(value: number): value is OperationTypeId {
  return value in OPERATION_TYPE_LABELS
}

function isPrintStatus(value: number): value is PrintStatusId {
  return value in PRINT_STATUS_LABELS
}

/** Statuses in one order whatever order they were picked or linked in: a list has one URL. */
export function canonicalStatuses(statuses: Iterable<PrintStatusId>): PrintStatusId[] {
  return [...new Set(statuses)].sort((a, b) => a - b)
}

/**
 * The one status the API can filter by (it takes one per request), or null: every status, or
 * several, which are then filtered over the whole range here.
 */
export function serverStatus(statuses: readonly PrintStatusId[]): PrintStatusId | null {
  return statuses.length === 1 ? (statuses[0] ?? null) : null
}

/** Whether the rows shown are a filter of the whole range rather than what the server paged. */
export function filtersLocally(view: Pick<LogView, 'statuses' | 'search'>): boolean {
  return view.statuses.length > 1 || view.search.trim() !== ''
}

/** The location's day the open shift began on; null when no shift is open (or it is not known). */
export function openShiftStart(
  events: { opening: KkmTransaction | null; closing: KkmTransaction | null } | undefined,
  timeZone: string,
): string | null {
  if (!events?.opening || deriveShift(events, timeZone).state !== 'open') return null
  const opened = parseApiDate(events.opening.print_date, timeZone)
  return opened ? dayInZone(opened, timeZone) : null
}

export type DayPreset = 'today' | 'yesterday' | 'week' | 'shift'

/**
 * A preset's days, relative to `today` at the location; `shiftStart` is the day the open shift
 * began (null when no shift is open: then there is no "this shift").
 */
export function presetRange(
  preset: DayPreset,
  today: string,
  shiftStart: string | null,
): { startDate: string; endDate: string } | null {
  switch (preset) {
    case 'today':
      return { startDate: today, endDate: today }
    case 'yesterday':
      return { startDate: addDays(today, -1), endDate: addDays(today, -1) }
    case 'week':
      return { startDate: addDays(today, -6), endDate: today }
    case 'shift':
      return shiftStart !== null && shiftStart <= today
        ? { startDate: shiftStart, endDate: today }
        : null
  }
}

/** A search is a number, a name or a sum: longer text is not one, and would only bloat links. */
const MAX_SEARCH = 100

function wholeNumber(raw: string): number | null {
  return /^\d{1,7}$/.test(raw) ? Number(raw) : null
}

/**
 * Reads the view from the URL; anything unreadable falls back to its default, with a note saying so.
 * Without `size` (or with an unreadable one) the page size is `pageSize`: the user's remembered one.
 */
export function parseLogParams(
  params: URLSearchParams,
  today: string,
  pageSize: PageSize = DEFAULT_PAGE_SIZE,
  t: Messages = en,
): { view: LogView; notes: string[] } {
  const why = t.log.why
  const notes: string[] = []
  const view: LogView = {
    startDate: today,
    endDate: today,
    type: null,
    statuses: [],
    search: '',
    page: 1,
    pageSize,
    sort: DEFAULT_SORT,
    transactionId: null,
  }
  const ignore = (name: string, raw: string, reason: string) =>
    notes.push(t.log.noteIgnored(name, raw, reason))

  const from = params.get('from')
  const to = params.get('to')
  if (from !== null) {
    if (isIsoDay(from)) view.startDate = from
    else ignore('from', from, why.date)
  }
  if (to !== null) {
    if (isIsoDay(to)) view.endDate = to
    else ignore('to', to, why.date)
  }
  if (from !== null && to === null && isIsoDay(from) && from > today) view.endDate = from
  if (view.startDate > view.endDate) {
    notes.push(t.log.noteRange(today))
    view.startDate = today
    view.endDate = today
  }

  const type = params.get('type')
  if (type !== null) {
    const id = wholeNumber(type)
    if (id !== null && isOperationType(id)) view.type = id
    else ignore('type', type, why.type)
  }
  const status = params.get('status')
  if (status !== null) {
    const ids = status.split(',').map(wholeNumber)
    if (ids.every((id): id is PrintStatusId => id !== null && isPrintStatus(id)))
      view.statuses = canonicalStatuses(ids)
    else ignore('status', status, why.status)
  }
  const search = params.get('q')
  if (search !== null) view.search = search.slice(0, MAX_SEARCH)
  const page = params.get('page')
  if (page !== null) {
    const n = wholeNumber(page)
    if (n !== null && n >= 1) view.page = n
    else ignore('page', page, why.page)
  }
  const size = params.get('size')
  if (size !== null) {
    const n = wholeNumber(size)
    if (size === 'all') view.pageSize = 'all'
    else if (n !== null && (PAGE_SIZES as readonly number[]).includes(n))
      view.pageSize = n as PageSize
    else ignore('size', size, why.size(PAGE_SIZES.join(', ')))
  }
  const sort = params.get('sort')
  if (sort !== null) {
    const [key, direction] = sort.split(':')
    if (SORT_KEYS.includes(key as SortKey) && (direction === 'asc' || direction === 'desc'))
      view.sort = { key: key as SortKey, direction }
    else ignore('sort', sort, why.sort)
  }
  const tx = params.get('tx')
  if (tx !== null) {
    const n = wholeNumber(tx)
    if (n !== null && n >= 1) view.transactionId = n
    else ignore('tx', tx, why.tx)
  }
  return { view, notes }
}

/**
 * Writes the view to search params, leaving out defaults so links stay short. `size` is left out
 * only when it is `implicitPageSize`, the size the reader gets without one (their remembered size);
 * with `null` it is always written, for a link that must show that many rows to anyone.
 */
export function writeLogParams(
  view: LogView,
  today: string,
  implicitPageSize: PageSize | null,
): URLSearchParams {
  const params = new URLSearchParams()
  if (view.startDate !== today || view.endDate !== today) {
    params.set('from', view.startDate)
    params.set('to', view.endDate)
  }
  if (view.type !== null) params.set('type', String(view.type))
  if (view.statuses.length > 0) params.set('status', canonicalStatuses(view.statuses).join(','))
  if (view.search.trim() !== '') params.set('q', view.search.trim())
  if (view.page !== 1) params.set('page', String(view.page))
  if (view.pageSize !== implicitPageSize) params.set('size', String(view.pageSize))
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction)
    params.set('sort', `${view.sort.key}:${view.sort.direction}`)
  if (view.transactionId !== null) params.set('tx', String(view.transactionId))
  return params
}
