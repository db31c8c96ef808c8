import { describe, expect, it } from 'vitest'
import type { KkmTransaction } from '@/api/transactions'
import { moneyTotals } from '@/log/totals'

let nextId = 1
/** A transaction of operation `type` and status `status` for `sum`. */
function tx(type: number, status: number, sum: number): KkmTransaction {
  const id = nextId++
  return {
    id,
    print_date: '2026-11-28T10:00:00+03:00',
    printed_count: 1,
    sum,
    type: { id: type as KkmTransaction['type']['id'], title: '' },
    status: { id: status as KkmTransaction['status']['id'], title: '' },
    document: { id: 500 + id, type: 7, type_title: 'Visit' },
    cashier: { id: 1, name: 'Anna' },
  }
}

describe('moneyTotals', () => {
  it('adds successful sales and returns only, names what it left out, counts other operations apart', () => {
    const rows = [
      tx(0, 1, 1500), // sale
      tx(0, 1, 250.5), // sale
      tx(1, 1, 300), // return
      tx(0, 3, 999), // failed sale: not money
      tx(0, 0, 111), // failed (connection) sale
      tx(1, 4, 222), // failed return
      tx(0, 2, 333), // still printing
      tx(1, 5, 444), // waiting for the register
      tx(4, 1, 0), // shift opening
      tx(6, 1, 5000), // cash deposit: not a receipt
      tx(13, 1, 0), // X-report
      tx(2, 1, 10), // correction
    ]
    expect(moneyTotals(rows, { total: 12, exact: true })).toEqual({
      sales: { count: 2, amount: 1750.5 },
      returns: { count: 1, amount: 300 },
      net: 1450.5,
      receipts: 3,
      notCounted: { failed: 3, printing: 2, unreadable: 0 },
      otherOperations: 4,
      complete: true,
      loaded: 12,
      total: 12,
      totalExact: true,
    })
  })

  it('adds in cents: 0.1 + 0.2 is 0.3, and a return sent negative is the same return', () => {
    const totals = moneyTotals([tx(0, 1, 0.1), tx(0, 1, 0.2), tx(1, 1, -0.05)], {
      total: 3,
      exact: true,
    })
    expect(totals.sales.amount).toBe(0.3)
    expect(totals.returns.amount).toBe(0.05)
    expect(totals.net).toBe(0.25)
  })

  it('a status it does not know is not money: counted with the ones still printing', () => {
    const totals = moneyTotals([tx(0, 1, 100), tx(0, 9, 100)], { total: 2, exact: true })
    expect(totals.sales).toEqual({ count: 1, amount: 100 })
    expect(totals.notCounted).toEqual({ failed: 0, printing: 1, unreadable: 0 })
  })

  it('a sum it cannot read is counted as such, not as zero', () => {
    const totals = moneyTotals([tx(0, 1, Number.NaN), tx(0, 1, 40)], { total: 2, exact: true })
    expect(totals.sales).toEqual({ count: 1, amount: 40 })
    expect(totals.notCounted.unreadable).toBe(1)
  })

  it('is partial when the rows are one page of a longer range, or the count is not exact', () => {
    const page = [tx(0, 1, 100), tx(0, 1, 200)]
    expect(moneyTotals(page, { total: 40, exact: true })).toMatchObject({
      complete: false,
      loaded: 2,
      total: 40,
      totalExact: true,
    })
    expect(moneyTotals(page, { total: 2, exact: false })).toMatchObject({
      complete: false,
      totalExact: false,
    })
  })

  it('nothing at all: zeros, complete', () => {
    expect(moneyTotals([], { total: 0, exact: true })).toMatchObject({
      sales: { count: 0, amount: 0 },
      returns: { count: 0, amount: 0 },
      net: 0,
      receipts: 0,
      complete: true,
    })
  })
})
