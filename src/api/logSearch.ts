import { readServerPage, MAX_BULK_ROWS, type LogFilters } from './logReader'
import { orderOf, serverShape, totalOf } from './serverShape'
import type { KkmTransaction } from './wire'

/**
 * The follow-up's search: one transaction by id in a log whose order, page cap and counting are
 * the server's (logReader.ts reads what it shows of itself).
 */

/** Where a transaction was found: the server page, so the next look can start there. */
export interface Found {
  transaction: KkmTransaction
  page: number
}

/** The page length a follow-up asks for: a day of one operation type rarely holds more. */
export const FIND_PAGE_SIZE = 100

/**
 * A transaction by id, wherever it lies: at the page it was last seen on, then from the newest
 * end of the log. For a log that runs oldest first that end is its last page, reached directly
 * when the count is a total and by paging forward when it is not. A first page shorter than asked
 * while more remain shows the server's cap: the pages after it ask for that many (readWholeLog).
 */
export async function findInLog(
  locationId: number,
  filters: LogFilters,
  id: number,
  hint: number | null,
  signal?: AbortSignal,
): Promise<Found | null> {
  const shape = serverShape()
  let length = Math.min(FIND_PAGE_SIZE, shape.pageCap ?? FIND_PAGE_SIZE)
  const read = (page: number) =>
    readServerPage(locationId, filters, page, length, signal).then((answer) => {
      const transaction = answer.rows.find((row) => row.id === id)
      return { answer, found: transaction ? { transaction, page } : null }
    })
  if (hint !== null && hint > 1) {
    const { found } = await read(hint)
    if (found) return found
  }
  const first = await read(1)
  if (first.found) return first.found
  const { answer } = first
  const total = totalOf(answer)
  const served = answer.rows.length
  if (served === 0 || (total !== null && total <= served)) return null
  if (served < length) {
    length = served
    // Cut short while the total says more: the cap. Without a total it may be the last page.
    if (total !== null) shape.pageCap = served
  }
  if (orderOf(answer.rows) === 'oldest-first' && total !== null) {
    for (let page = Math.ceil(total / length); page > 1; page--) {
      const { found } = await read(page)
      if (found) return found
    }
    return null
  }
  const seen = new Set(answer.rows.map((row) => row.id))
  for (let page = 2; seen.size < MAX_BULK_ROWS; page++) {
    const next = await read(page)
    if (next.found) return next.found
    const fresh = next.answer.rows.filter((row) => !seen.has(row.id))
    for (const row of fresh) seen.add(row.id)
    // A reported total outweighs a short page, as in readWholeLog.
    const more = total !== null ? seen.size < total : next.answer.rows.length >= length
    if (fresh.length === 0 || !more) return null
  }
  return null
}
