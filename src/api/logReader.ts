import { api, payload } from './client'
import { orderOf, serverShape, totalOf, type ServerShape } from './serverShape'
import {
  fromWireTransaction,
  wireNumber,
  type KkmTransaction,
  type OperationTypeId,
  type PrintStatusId,
} from './wire'

/**
 * The list reader. The API does not say which end of the log comes first, whether it caps
 * `editable_length`, or whether `meta.count` is the total or the page's length (reference,
 * "Unknowns" 3 and 7), so nothing here relies on what was asked: every decision is taken from
 * what the server returned.
 */

export interface LogFilters {
  /** First day, `YYYY-MM-DD`, in the location's calendar. */
  startDate: string
  /** Last day, inclusive. */
  endDate: string
  type: OperationTypeId | null
  status: PrintStatusId | null
}

/** A page of the log as the console shows it. */
export interface TransactionFilters extends LogFilters {
  page: number
  pageSize: number
}

export { forgetServerShape, learnedOrder, orderOf, totalOf, type LogOrder } from './serverShape'

/** One page as the server sent it, in the server's order. */
export interface ServerPage {
  rows: KkmTransaction[]
  /** `meta.count`: the total, or only this page's length. */
  count: number
}

export async function readServerPage(
  locationId: number,
  filters: LogFilters,
  page: number,
  length: number,
  signal?: AbortSignal,
): Promise<ServerPage> {
  const shape = serverShape()
  const result = await api.GET('/kkm_transactions/{location_id}', {
    params: {
      path: { location_id: locationId },
      query: {
        page,
        editable_length: length,
        start_date: filters.startDate,
        end_date: filters.endDate,
        ...(filters.type === null ? {} : { type: filters.type }),
        ...(filters.status === null ? {} : { status: filters.status }),
      },
    },
    signal,
  })
  const body = payload(result)
  const rows = body.data.map(fromWireTransaction)
  const count = wireNumber(body.meta.count)
  // Into the shape of the server that answered: a reset while this was in flight is not taught.
  shape.largestPage = Math.max(shape.largestPage, rows.length)
  const order = orderOf(rows)
  if (order !== 'unknown') shape.order = order
  return { rows, count: Number.isFinite(count) ? count : rows.length }
}

/**
 * The one-row page just past a first page of `length` rows. Empty, it proves that page was all
 * of it, whatever the server counts; and it shows how the server counts: a total says `length`
 * even of an empty page, a page-counter 0. Holding a row, the first page was cut by a cap, and
 * its count (more than 1: a total; 1: the page) teaches the same. A server that sends more rows
 * than asked answers neither. Unsigned: readers of other locations wait for what it teaches, so
 * one leaving must not cancel it.
 */
function readBeyond(
  locationId: number,
  filters: LogFilters,
  length: number,
  shape: ServerShape,
): Promise<ServerPage> {
  const asked = readServerPage(locationId, filters, length + 1, 1).then((beyond) => {
    const rows = beyond.rows.length
    if (rows === 0 && beyond.count > 0) shape.countIsTotal = true
    else if (rows === 0) shape.countIsPage = true
    else if (rows === 1 && beyond.count > 1) shape.countIsTotal = true
    else if (rows === 1 && beyond.count === 1) shape.countIsPage = true
    return beyond
  })
  // Asked once per server; a failure taught nothing, so the next reader may ask again.
  shape.probe = asked.then(
    () => undefined,
    () => {
      shape.probe = null
    },
  )
  return asked
}

/**
 * Whether a first page that does not say so itself holds every row: it is shorter than a page
 * this server has sent (so no cap cut it), or the server's counts are totals and this one equals
 * its length. Until the server's counting is known, the first reader to need it reads the row
 * just past its page (readBeyond), which settles its own read and teaches every other reader:
 * while it is in flight they wait for it, so the question costs one request for the whole server.
 */
async function firstPageIsAll(
  locationId: number,
  filters: LogFilters,
  answer: ServerPage,
  asked: number,
): Promise<boolean> {
  const shape = serverShape()
  const length = answer.rows.length
  if (length < Math.min(asked, shape.largestPage)) return true
  if (length === 0 || answer.count !== length || shape.countIsPage) return false
  if (shape.countIsTotal || shape.probe) {
    await shape.probe
    return totalOf(answer) !== null
  }
  const beyond = await readBeyond(locationId, filters, length, shape).catch(() => null)
  return beyond?.rows.length === 0
}

/** The page size of bulk reads (export, the all-rows view, the duplicate check). */
export const BULK_PAGE_SIZE = 1000
/** A hard stop, so a runaway filter cannot pull a whole year through the rate limit. */
export const MAX_BULK_ROWS = 20_000

export interface TransactionPage {
  /** Newest first, whatever the server's order. */
  transactions: KkmTransaction[]
  /** Transactions found for the filters: exactly when `exact`, otherwise at least this many. */
  total: number
  exact: boolean
}

/**
 * Every transaction for the filters. Pages on until the server has nothing more: an empty page,
 * a page of rows already read (a server that ignores `page`), the reported total reached, a page
 * shorter than the server's full one where no total is reported, or MAX_BULK_ROWS. A short first
 * page is not the end by itself (a server that caps its pages answers fewer rows than asked while
 * more remain), only when what the server has shown of itself says so (`firstPageIsAll`): then a
 * day is one request. Otherwise it was the cap, and the pages after it ask for what it holds.
 */
export async function readWholeLog(
  locationId: number,
  filters: LogFilters,
  signal?: AbortSignal,
  pageLength = BULK_PAGE_SIZE,
): Promise<TransactionPage> {
  const shape = serverShape()
  const rows: KkmTransaction[] = []
  const seen = new Set<number>()
  let length = Math.min(pageLength, shape.pageCap ?? pageLength)
  /** A first page shorter than asked: the cap, once a second page proves more remained. */
  let shortFirst: number | null = null
  let fullPage = 0
  let reported: number | null = null
  let truncated = false
  for (let page = 1; ; page++) {
    const answer = await readServerPage(locationId, filters, page, length, signal)
    const fresh = answer.rows.filter((row) => !seen.has(row.id))
    if (fresh.length === 0) break
    for (const row of fresh) {
      seen.add(row.id)
      rows.push(row)
    }
    if (page === 2 && shortFirst !== null) shape.pageCap = shortFirst
    reported = Math.max(reported ?? 0, totalOf(answer) ?? 0) || null
    fullPage = Math.max(fullPage, answer.rows.length)
    if (rows.length >= MAX_BULK_ROWS) {
      truncated = true
      break
    }
    // A total that says more outweighs a short page: only an empty or repeated page ends it.
    if (reported !== null ? rows.length >= reported : answer.rows.length < fullPage) break
    if (page !== 1) continue
    if (reported === null && (await firstPageIsAll(locationId, filters, answer, length))) {
      reported = rows.length
      break
    }
    if (answer.rows.length < length) {
      // A server numbering pages by the length asked would start page 2 at row `length`.
      length = answer.rows.length
      shortFirst = length
    }
  }
  const transactions = orderOf(rows) === 'oldest-first' ? rows.reverse() : rows
  if (truncated) transactions.length = Math.min(transactions.length, MAX_BULK_ROWS)
  return {
    transactions,
    total: Math.max(reported ?? 0, transactions.length),
    exact: !truncated || reported !== null,
  }
}

/**
 * One page of the log as the console shows it: newest first, `pageSize` rows, page 1 the newest.
 * When the server's own page plainly is that page (newest first, and a count that can only be
 * the total and agrees with the page's length) it is used as it is: one request. Otherwise the
 * page is cut out of the whole log, read once and shared by every page of the same filters.
 */
export async function readLogPage(
  locationId: number,
  filters: LogFilters,
  page: number,
  pageSize: number,
  readWhole: () => Promise<TransactionPage>,
  signal?: AbortSignal,
): Promise<TransactionPage> {
  const answer = await readServerPage(locationId, filters, page, pageSize, signal)
  const { rows, count } = answer
  const total = totalOf(answer)
  if (orderOf(rows) !== 'oldest-first') {
    const lastLength = total === null ? null : total - (page - 1) * pageSize
    // A short page is the last one asked for only from a server that has sent pages this long:
    // under a cap below `pageSize` every page is short, and a later one holds other rows.
    const uncapped = page === 1 || serverShape().largestPage >= pageSize
    if (total !== null && (rows.length === pageSize || (uncapped && rows.length === lastLength)))
      return { transactions: rows, total, exact: true }
    if (page === 1 && rows.length === 0) return { transactions: [], total: 0, exact: true }
    // All of it, or a server that caps its pages and counts only the page: the next page tells.
    if (page === 1 && rows.length < pageSize && count === rows.length) {
      const next = await readServerPage(locationId, filters, 2, pageSize, signal)
      if (next.rows.length === 0) return { transactions: rows, total: rows.length, exact: true }
    }
  }
  const whole = await readWhole()
  return {
    ...whole,
    transactions: whole.transactions.slice((page - 1) * pageSize, page * pageSize),
  }
}
