import { describe, expect, it } from 'vitest'
import { parseLogParams, writeLogParams } from '@/log/logParams'

const TODAY = '2026-11-28'

describe('log view in the URL', () => {
  it('defaults to today, all types and statuses, page 1 of 50, newest first', () => {
    expect(parseLogParams(new URLSearchParams(), TODAY)).toEqual({
      view: {
        startDate: TODAY,
        endDate: TODAY,
        type: null,
        status: null,
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
      'from=2026-11-01&to=2026-11-20&type=1&status=0&page=3&size=250&sort=sum:asc&tx=42',
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
      status: null,
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
