/** The log's view in its URL: read (with notes on what could not be read) and written back. */
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PageSize } from '@/api/pageSizes'
import type { OperationTypeId, PrintStatusId } from '@/api/transactions'
import type { SortKey, SortState } from '@/components/transactionRows'
import { isIsoDay } from '@/domain/days'
import type { Messages } from '@/i18n'
import { OPERATION_TYPE_LABELS, PRINT_STATUS_LABELS } from '@/i18n/labels'
import { en } from '@/i18n/messages/en'

/** The page sizes live with the API's paging (a leaf the preferences store reads too). */
export { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PageSize }
export const DEFAULT_SORT: SortState = { key: 'date', direction: 'desc' }
const SORT_KEYS: SortKey[] = ['date', 'sum', 'status', 'operation', 'cashier']

/** Everything that defines what the log shows: it lives in the URL, so a link reproduces the view. */
export interface LogView {
  startDate: string
  endDate: string
  type: OperationTypeId | null
  status: PrintStatusId | null
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
    status: null,
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
    const id = wholeNumber(status)
    if (id !== null && isPrintStatus(id)) view.status = id
    else ignore('status', status, why.status)
  }
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
  if (view.status !== null) params.set('status', String(view.status))
  if (view.page !== 1) params.set('page', String(view.page))
  if (view.pageSize !== implicitPageSize) params.set('size', String(view.pageSize))
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction)
    params.set('sort', `${view.sort.key}:${view.sort.direction}`)
  if (view.transactionId !== null) params.set('tx', String(view.transactionId))
  return params
}
