import { describe, expect, it } from 'vitest'
import { orderOf } from '@/api/serverShape'
import type { KkmTransaction } from '@/api/transactions'

/** Rows that are only their dates: the order is read from nothing else. */
const rows = (...dates: string[]) =>
  dates.map((print_date, id) => ({ id, print_date }) as unknown as KkmTransaction)

describe('the order a server lists its log in, read from the dates', () => {
  it('newest first and oldest first, with offsets or as wall times', () => {
    expect(orderOf(rows('2026-12-02T10:00:00+07:00', '2026-12-01T09:00:00+07:00'))).toBe(
      'newest-first',
    )
    expect(orderOf(rows('2026-12-01 09:00:00', '2026-12-01 12:00', '2026-12-02 10:00:00'))).toBe(
      'oldest-first',
    )
  })

  it('skips dates it cannot read at either end', () => {
    expect(
      orderOf(rows('', 'soon', '2026-12-01T09:00:00Z', '2026-12-03T09:00:00Z', 'later', '')),
    ).toBe('oldest-first')
    expect(orderOf(rows('x', '2026-12-03T09:00:00Z', '2026-12-01T09:00:00Z', 'y'))).toBe(
      'newest-first',
    )
  })

  it('cannot tell from one readable date, from equal ones, or from none', () => {
    expect(orderOf(rows())).toBe('unknown')
    expect(orderOf(rows('2026-12-01T09:00:00Z'))).toBe('unknown')
    expect(orderOf(rows('bad', '2026-12-01T09:00:00Z', 'worse'))).toBe('unknown')
    expect(orderOf(rows('2026-12-01T09:00:00Z', '2026-12-01T12:00:00+03:00'))).toBe('unknown')
    expect(orderOf(rows('bad', 'worse'))).toBe('unknown')
  })
})
