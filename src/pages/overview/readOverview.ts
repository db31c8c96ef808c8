import { queryKeys } from '@/api/keys'
import type { Location } from '@/api/locations'
import {
  allTransactionsQuery,
  shiftQuery,
  type KkmTransaction,
  type LogFilters,
  type TransactionPage,
} from '@/api/transactions'
import { dayInZone } from '@/i18n/format'
import { locationFormat } from '@/log/view'
import { latestShiftEvents } from './shiftSummary'
import { READ_WINDOW } from './useReadQueue'
import type { QueryClient } from '@tanstack/react-query'

/** A location's today, in its own calendar, as of the clock (or of `at`). */
export function todayAt(location: Location, at = Date.now()): string {
  return dayInZone(new Date(at), locationFormat(location).timeZone)
}

/**
 * A card's read of a location's today: the whole day, under the key of the log's "All" view of
 * the same day, so whichever page read it first, the other finds it cached.
 */
export const dayQuery = (locationId: number, today: string) =>
  allTransactionsQuery(locationId, dayFilters(today))

const dayFilters = (today: string): LogFilters => ({
  startDate: today,
  endDate: today,
  type: null,
  status: null,
})

/** The key's filters are those of today's first page, and nothing more. */
function isTodaysFirstPage(filters: unknown, today: string): boolean {
  if (typeof filters !== 'object' || filters === null) return false
  const wanted: Record<string, unknown> = { ...dayFilters(today), page: 1 }
  const keys = Object.keys(filters)
  return (
    keys.every((key) => key in wanted || key === 'pageSize') &&
    Object.entries(wanted).every(
      ([key, value]) => (filters as Record<string, unknown>)[key] === value,
    )
  )
}

/**
 * Today as the log page has it cached, when what it read is the whole day: the first page of
 * today, unfiltered, exact and holding every row it counts. The card starts from it, as of when
 * it was read, and asks the server only once that is stale.
 */
export function cachedDay(
  client: QueryClient,
  locationId: number,
  today: string,
): { data: TransactionPage; updatedAt: number } | undefined {
  const pages = client.getQueriesData<TransactionPage>({
    queryKey: queryKeys.transactionLists(locationId),
  })
  for (const [key, data] of pages) {
    if (!data?.exact || data.total !== data.transactions.length) continue
    if (!isTodaysFirstPage(key.at(-1), today)) continue
    const updatedAt = client.getQueryState(key)?.dataUpdatedAt
    if (updatedAt) return { data, updatedAt }
  }
  return undefined
}

/**
 * Whether the shift needs its look-back (shiftQuery): only when today's log holds no shift
 * opening or closing, since either of them tells the shift by itself.
 */
export function needsLookBack(transactions: readonly KkmTransaction[]): boolean {
  const events = latestShiftEvents(transactions)
  return !events.opening && !events.closing
}

export interface OverviewRead {
  locationId: number
  /** Milliseconds from the start until the card had its day and its shift (or its error). */
  settledMs: number
  failed: boolean
}

/**
 * The overview's reads without React, as the page sends them: the same queries, in screen order,
 * READ_WINDOW locations' days at a time, a look-back only where today's log cannot tell the shift.
 * For the request bench and the cost tests, so what they count is what the page costs.
 */
export async function readOverview(
  client: QueryClient,
  locations: readonly Location[],
  /** The moment whose today is read: the clock's by default. */
  asOf = Date.now(),
): Promise<OverviewRead[]> {
  const started = performance.now()
  const settled = (locationId: number, failed: boolean): OverviewRead => ({
    locationId,
    settledMs: Math.round(performance.now() - started),
    failed,
  })
  // A card gives its turn to the next one once its day is read: a look-back runs beside that.
  async function readDay(location: Location): Promise<{ done: Promise<OverviewRead> }> {
    const { id } = location
    const today = todayAt(location, asOf)
    try {
      const day = await client.fetchQuery(dayQuery(id, today))
      if (!needsLookBack(day.transactions)) return { done: Promise.resolve(settled(id, false)) }
      const lookBack = client.fetchQuery(shiftQuery(id, today))
      return {
        done: lookBack.then(
          () => settled(id, false),
          () => settled(id, true),
        ),
      }
    } catch {
      return { done: Promise.resolve(settled(id, true)) }
    }
  }
  const reads: Promise<OverviewRead>[] = []
  let next = 0
  async function turns() {
    for (let location = locations[next++]; location; location = locations[next++])
      reads.push((await readDay(location)).done)
  }
  await Promise.all(Array.from({ length: READ_WINDOW }, turns))
  return Promise.all(reads)
}
