/**
 * What the server behind the API has shown of itself, learnt from its answers by the list reader
 * (logReader.ts) and shared by every reader, location and filter after them.
 */
import { apiTime } from '@/domain/apiDate'
import type { KkmTransaction } from './wire'

/**
 * What this server has shown of itself; a server does not change its mind, so what one answer
 * shows holds for every location and filter after it.
 * - A count larger than the page it came with can only be a total: once seen, a count equal to
 *   its page's length is the total too, and a short page needs no second request to prove it is
 *   the last. A server that counts pages never shows a larger count, so it never teaches this;
 *   the row just past a first page asks it outright (readBeyond in logReader.ts).
 * - The longest page it has sent: whatever it caps its pages at, it is no less than that, so a
 *   page shorter than both it and the length asked is the last one.
 * - Its order, once a page's dates showed it.
 * - Its page cap, once a first page shorter than asked was followed by more: later pages ask for
 *   no more than it sends, so page 2 starts right after page 1 however the server numbers pages.
 */
export interface ServerShape {
  countIsTotal: boolean
  /** A page that can only be counted by its length was: an empty one counted 0, a one-row one 1. */
  countIsPage: boolean
  /** The question about counting, in flight or answered: one per server, awaited by every reader. */
  probe: Promise<void> | null
  largestPage: number
  order: LogOrder
  pageCap: number | null
}

const unknownShape = (): ServerShape => ({
  countIsTotal: false,
  countIsPage: false,
  probe: null,
  largestPage: 0,
  order: 'unknown',
  pageCap: null,
})

let learned = unknownShape()

/** The shape as known now; a request keeps the one it started under (a reset may follow). */
export function serverShape(): ServerShape {
  return learned
}

/** For a new server (tests, the mock's profile switch). */
export function forgetServerShape(): void {
  learned = unknownShape()
}

/** The server's order, as its pages have shown it so far. */
export function learnedOrder(): LogOrder {
  return learned.order
}

/** The total the page's count stands for, when it can only be one. */
export function totalOf(page: { rows: readonly unknown[]; count: number }): number | null {
  if (page.count > page.rows.length) learned.countIsTotal = true
  return learned.countIsTotal ? page.count : null
}

export type LogOrder = 'newest-first' | 'oldest-first' | 'unknown'

/**
 * The order from the dates themselves: the first readable date against the last. The rows are of
 * one location, so wall times compare as they are and need no zone. Read from each end, not all
 * of them: the whole log's 11,000 rows are ordered after its last page, on the way to the table.
 */
export function orderOf(rows: readonly KkmTransaction[]): LogOrder {
  const timeAt = (index: number) => apiTime(rows[index]?.print_date ?? '', 'UTC')
  let start = 0
  while (start < rows.length && !Number.isFinite(timeAt(start))) start++
  let end = rows.length - 1
  while (end > start && !Number.isFinite(timeAt(end))) end--
  const first = timeAt(start)
  const last = timeAt(end)
  if (start >= end || first === last) return 'unknown'
  return first > last ? 'newest-first' : 'oldest-first'
}
