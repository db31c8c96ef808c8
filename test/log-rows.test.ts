import { describe, expect, it } from 'vitest'
import type { KkmTransaction, PrintStatusId } from '@/api/transactions'
import { DEFAULT_SORT } from '@/log/logParams'
import { shownLog } from '@/log/logRows'
import { matchesSearch, narrowTransactions, parseTypedSum, sortTransactions } from '@/log/view'

function tx(
  id: number,
  status: PrintStatusId,
  extra: { sum?: number; document?: number; cashier?: string; hour?: number } = {},
): KkmTransaction {
  const hour = String(extra.hour ?? 10).padStart(2, '0')
  return {
    id,
    print_date: `2026-11-28T${hour}:00:00Z`,
    printed_count: 0,
    sum: extra.sum ?? 100,
    type: { id: 0, title: 'Sale' },
    status: { id: status, title: '' },
    document: { id: extra.document ?? 1000 + id, type: 7, type_title: 'Visit' },
    cashier: { id: 1, name: extra.cashier ?? 'Anna Petrova' },
  }
}

const LOG = [
  tx(1, 1, { sum: 1234.5, document: 51_234, hour: 9 }),
  tx(2, 0, { cashier: 'Ivan Sidorov', hour: 10 }),
  tx(3, 3, { hour: 11 }),
  tx(4, 2, { hour: 12 }),
  tx(5, 4, { sum: 99.9, hour: 13 }),
  tx(6, 5, { hour: 14 }),
]
const ids = (rows: readonly KkmTransaction[]) => rows.map((row) => row.id)

describe('several statuses', () => {
  it('“all failures” keeps connection, runtime and status-check errors', () => {
    expect(ids(narrowTransactions(LOG, { statuses: [0, 3, 4], search: '' }))).toEqual([2, 3, 5])
  })
  it('no status keeps every row', () => {
    expect(ids(narrowTransactions(LOG, { statuses: [], search: '' }))).toEqual([1, 2, 3, 4, 5, 6])
  })
  it('sorts the status column by meaning: in flight, done, failed', () => {
    const sorted = sortTransactions(LOG, { key: 'status', direction: 'asc' }, 'UTC')
    expect(sorted.map((row) => row.status.id)).toEqual([2, 5, 1, 0, 3, 4])
  })
})

describe('sorting by date', () => {
  const at = (id: number, print_date: string): KkmTransaction => ({ ...tx(id, 1), print_date })
  const newestFirst = { key: 'date', direction: 'desc' } as const

  it('puts the newest first, ties by id in the same direction, and an unreadable date last', () => {
    const rows = [
      at(1, '2026-11-28T09:00:00Z'),
      at(2, 'yesterday'),
      at(3, '2026-11-28T13:00:00+03:00'),
      at(4, '2026-11-28T11:00:00Z'),
      at(5, '2026-11-28T09:00:00Z'),
    ]
    expect(ids(sortTransactions(rows, newestFirst, 'UTC'))).toEqual([4, 3, 5, 1, 2])
    expect(ids(sortTransactions(rows, { key: 'date', direction: 'asc' }, 'UTC'))).toEqual([
      2, 1, 5, 3, 4,
    ])
  })
  it('hands back a copy of rows already in order, leaving the read rows as they were', () => {
    const rows = [at(2, '2026-11-28T10:00:00Z'), at(1, '2026-11-28T09:00:00Z')]
    const sorted = sortTransactions(rows, newestFirst, 'UTC')
    expect(sorted).not.toBe(rows)
    expect(ids(sorted)).toEqual([2, 1])
    sortTransactions(rows, { key: 'date', direction: 'asc' }, 'UTC')
    expect(ids(rows)).toEqual([2, 1])
  })
  it('places the same wall times in whichever zone it is asked for', () => {
    // 10:00 on the wall is 10:00Z in UTC but 07:00Z in Moscow, so it is on either side of 08:30Z.
    const rows = [at(1, '2026-11-28 10:00:00'), at(2, '2026-11-28T08:30:00Z')]
    expect(ids(sortTransactions(rows, newestFirst, 'UTC'))).toEqual([1, 2])
    expect(ids(sortTransactions(rows, newestFirst, 'Europe/Moscow'))).toEqual([2, 1])
  })
})

describe('finding a receipt', () => {
  it.each([
    ['51234', [1]],
    ['#51234', [1]],
    // Part of a document number finds every document with it.
    ['5123', [1]],
    ['ivan', [2]],
    ['SIDOROV', [2]],
    ['1 234,50', [1]],
    ['1234.5', [1]],
    ['₽1,234.50', [1]],
    ['99,9', [5]],
    ['nobody', []],
  ])('“%s” finds %j', (search, found) => {
    expect(ids(LOG.filter((row) => matchesSearch(row, search)))).toEqual(found)
  })
  it('reads sums as typed in either language', () => {
    expect(parseTypedSum('1 234,50')).toBe(1234.5)
    expect(parseTypedSum('1,234.50')).toBe(1234.5)
    expect(parseTypedSum('1.234,50')).toBe(1234.5)
    expect(parseTypedSum('Anna')).toBeNull()
  })
  it('combines with the statuses', () => {
    expect(ids(narrowTransactions(LOG, { statuses: [0, 3, 4], search: 'anna' }))).toEqual([3, 5])
  })
})

describe('the rows shown', () => {
  const whole = { transactions: [...LOG].reverse(), total: 6, exact: true }
  const view = { statuses: [], search: '', sort: DEFAULT_SORT, page: 1, pageSize: 25 } as const

  it('sorts across every page when the whole range is at hand', () => {
    const page2 = { transactions: whole.transactions.slice(2, 4), total: 6, exact: true }
    const shown = shownLog(
      { ...view, pageSize: 2 as never, page: 2, sort: { key: 'sum', direction: 'desc' } },
      page2,
      false,
      whole,
      'UTC',
    )
    expect(shown.sortedAcrossPages).toBe(true)
    expect(shown.pageCount).toBe(3)
    // By sum, descending: 1 (1,234.50), then the 100s by id, descending (6, 4, 3, 2), then 5.
    expect(ids(shown.transactions)).toEqual([4, 3])
  })
  it('sorts within the page, and says so, when only the page was read', () => {
    const page1 = { transactions: whole.transactions.slice(0, 2), total: 6, exact: true }
    const shown = shownLog({ ...view, pageSize: 2 as never }, page1, false, undefined, 'UTC')
    expect(shown.sortedAcrossPages).toBe(false)
    expect(shown.pageCount).toBe(3)
    expect(ids(shown.transactions)).toEqual([6, 5])
  })
  it('does not use a copy of the whole range that disagrees with the page’s count', () => {
    const page1 = { transactions: whole.transactions.slice(0, 2), total: 7, exact: true }
    expect(
      shownLog({ ...view, pageSize: 2 as never }, page1, false, whole, 'UTC').sortedAcrossPages,
    ).toBe(false)
  })
  it('filters the whole range, pages what matched, and counts the matches', () => {
    const shown = shownLog(
      { ...view, statuses: [0, 3, 4], pageSize: 2 as never, page: 2 },
      whole,
      true,
      undefined,
      'UTC',
    )
    expect(shown.total).toBe(3)
    expect(shown.pageCount).toBe(2)
    expect(ids(shown.transactions)).toEqual([2])
    expect(shown.searchedOnly).toBeNull()
  })
  it('says how many rows a search covered when the range held more than was read', () => {
    const capped = { transactions: whole.transactions, total: 30_000, exact: true }
    const shown = shownLog({ ...view, search: 'anna' }, capped, true, undefined, 'UTC')
    expect(shown.searchedOnly).toBe(6)
    expect(shown.exact).toBe(false)
  })
})
