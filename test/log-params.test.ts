import { describe, expect, it } from 'vitest'
import type { KkmTransaction } from '@/api/transactions'
import {
  openShiftStart,
  parseLogParams,
  presetRange,
  serverStatus,
  writeLogParams,
} from '@/log/logParams'

const TODAY = '2026-11-28'

describe('log view in the URL', () => {
  it('defaults to today, all types and statuses, page 1 of 50, newest first', () => {
    expect(parseLogParams(new URLSearchParams(), TODAY)).toEqual({
      view: {
        startDate: TODAY,
        endDate: TODAY,
        type: null,
        statuses: [],
        search: '',
        page: 1,
        pageSize: 50,
        sort: { key: 'date', direction: 'desc' },
        transactionId: null,
      },
      notes: [],
    })
  })
  it('round-trips every setting', () => {
    const params = new URLSearchParams(
      'from=2026-11-01&to=2026-11-20&type=1&status=0&q=Anna&page=3&size=250&sort=sum:asc&tx=42',
    )
    const { view, notes } = parseLogParams(params, TODAY)
    expect(notes).toEqual([])
    expect(writeLogParams(view, TODAY, 50).toString()).toBe(params.toString())
  })
  it('falls back to defaults for what it cannot read, and says so', () => {
    const { view, notes } = parseLogParams(
      new URLSearchParams('from=2026-02-30&type=3&status=9&page=0&size=33&sort=evil&tx=-1'),
      TODAY,
    )
    expect(view).toMatchObject({
      startDate: TODAY,
      type: null,
      statuses: [],
      page: 1,
      pageSize: 50,
      transactionId: null,
    })
    expect(notes).toHaveLength(7)
    expect(notes[0]).toBe('Ignored from=“2026-02-30”: not a date (YYYY-MM-DD).')
  })
  it('refuses a range that ends before it starts', () => {
    const { view, notes } = parseLogParams(
      new URLSearchParams('from=2026-11-20&to=2026-11-10'),
      TODAY,
    )
    expect(view).toMatchObject({ startDate: TODAY, endDate: TODAY })
    expect(notes[0]).toMatch(/ended before it started/)
  })
  it('leaves the page size out only when the reader gets it without one', () => {
    const { view } = parseLogParams(new URLSearchParams('size=50'), TODAY, 25)
    expect(view.pageSize).toBe(50)
    // This browser remembers 25: without size=50 the link would show 25 rows.
    expect(writeLogParams(view, TODAY, 25).get('size')).toBe('50')
    expect(writeLogParams(view, TODAY, 50).has('size')).toBe(false)
    expect(writeLogParams(view, TODAY, null).get('size')).toBe('50')
  })
  it('accepts the all-pages size', () => {
    expect(parseLogParams(new URLSearchParams('size=all'), TODAY).view.pageSize).toBe('all')
  })
})

describe('several statuses and a search in the URL', () => {
  it('reads a list of statuses in one order, and writes it back the same way', () => {
    const { view, notes } = parseLogParams(new URLSearchParams('status=4,0,3'), TODAY)
    expect(notes).toEqual([])
    expect(view.statuses).toEqual([0, 3, 4])
    expect(writeLogParams(view, TODAY, 50).get('status')).toBe('0,3,4')
    // The API takes one status per request: several are filtered here, over the whole range.
    expect(serverStatus(view.statuses)).toBeNull()
    expect(serverStatus([3])).toBe(3)
  })
  it('refuses a list with any status it does not know, whole', () => {
    const { view, notes } = parseLogParams(new URLSearchParams('status=0,9'), TODAY)
    expect(view.statuses).toEqual([])
    expect(notes[0]).toBe('Ignored status=“0,9”: not a printing status.')
  })
  it('keeps a search, trimmed, and leaves an empty one out', () => {
    const { view } = parseLogParams(new URLSearchParams('q=%20Anna%20P%20'), TODAY)
    expect(view.search).toBe(' Anna P ')
    expect(writeLogParams(view, TODAY, 50).toString()).toBe('q=Anna+P')
    expect(writeLogParams({ ...view, search: '  ' }, TODAY, 50).has('q')).toBe(false)
  })
})

describe('the days’ presets, from the location’s today', () => {
  it.each([
    ['today', { startDate: '2026-11-28', endDate: '2026-11-28' }],
    ['yesterday', { startDate: '2026-11-27', endDate: '2026-11-27' }],
    ['week', { startDate: '2026-11-22', endDate: '2026-11-28' }],
    ['shift', { startDate: '2026-11-26', endDate: '2026-11-28' }],
  ] as const)('%s', (preset, range) => {
    expect(presetRange(preset, TODAY, '2026-11-26')).toEqual(range)
  })
  it('crosses a month and a year', () => {
    expect(presetRange('yesterday', '2026-03-01', null)).toEqual({
      startDate: '2026-02-28',
      endDate: '2026-02-28',
    })
    expect(presetRange('week', '2027-01-03', null)?.startDate).toBe('2026-12-28')
  })
  it('has no "this shift" without an open shift', () => {
    expect(presetRange('shift', TODAY, null)).toBeNull()
  })
})

describe('the day the open shift began', () => {
  const event = (id: number, type: 4 | 5, print_date: string): KkmTransaction => ({
    id,
    print_date,
    printed_count: 1,
    sum: 0,
    type: { id: type, title: '' },
    status: { id: 1, title: 'Successfully' },
    document: { id: 0, type: 7, type_title: 'Visit' },
    cashier: { id: 1, name: 'Anna' },
  })
  it('is the opening’s day at the location, not in UTC', () => {
    // 22:30 UTC on the 26th is already the 27th in Moscow.
    const opening = event(1, 4, '2026-11-26T22:30:00Z')
    expect(openShiftStart({ opening, closing: null }, 'Europe/Moscow')).toBe('2026-11-27')
    expect(openShiftStart({ opening, closing: null }, 'UTC')).toBe('2026-11-26')
  })
  it('is none when the shift was closed after it opened', () => {
    const opening = event(1, 4, '2026-11-26T08:00:00Z')
    const closing = event(2, 5, '2026-11-26T20:00:00Z')
    expect(openShiftStart({ opening, closing }, 'UTC')).toBeNull()
    expect(openShiftStart(undefined, 'UTC')).toBeNull()
  })
})
