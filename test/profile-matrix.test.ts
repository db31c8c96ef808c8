/**
 * The shape matrix: every promise the log makes to a cashier, under every server the reference
 * allows where it says "not documented" (order, page cap, count, value types, date form, error
 * body, Accept, rate). Expected values come from the mock's own database, never from the reader.
 */
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configureClient } from '@/api/client'
import { isApiError } from '@/api/errors'
import { readWholeLog } from '@/api/logReader'
import { printDocumentBill } from '@/api/print'
import {
  findTransaction,
  getDocumentTransactions,
  getShiftEvents,
  transactionsQuery,
  type KkmTransaction,
} from '@/api/transactions'
import { db } from '@/mocks/db'
import { route } from '@/mocks/http'
import { server } from '@/mocks/node'
import { presentTransaction } from '@/mocks/present'
import { SERVER_PROFILES } from '@/mocks/profiles'
import { DEFAULT_PROFILE, setProfile, setScenario } from '@/mocks/scenarios'
import { endSession, getSession } from '@/session/store'
import { signInAsManager } from './render'

/** Location 4 has ~290 rows by 15:00 today: three pages at a cap of 100. */
const BIG = 4
const TODAY = '2026-11-28'
const MONTH = { startDate: '2026-10-30', endDate: TODAY }
const TODAY_ONLY = { startDate: TODAY, endDate: TODAY, type: null, status: null }
const day = (t: KkmTransaction) => t.print_date.slice(0, 10)

/** The mock's own log (newest first), filtered as the API would. */
function seeded(locationId: number, keep: (t: KkmTransaction) => boolean = () => true) {
  return (db.transactions.get(locationId) ?? []).filter(keep)
}
const ids = (rows: readonly { id: number }[]) => rows.map((row) => row.id)

let refused: number[] = []
function countRefusals() {
  refused = []
  server.events.on('response:mocked', ({ response }) => {
    if (response.status === 429 || response.status === 400) refused.push(response.status)
  })
}

beforeEach(() => {
  signInAsManager()
  countRefusals()
})
afterEach(() => {
  server.events.removeAllListeners()
  configureClient({ flavour: 'altegio' })
})

describe.each(Object.entries(SERVER_PROFILES))('a server with %s', (_name, profile) => {
  beforeEach(() => {
    setProfile({ ...DEFAULT_PROFILE, ...profile })
    if (profile.accept === 'yclients') configureClient({ flavour: 'yclients' })
  })
  afterEach(() => expect(refused).toEqual([]))

  it('the whole day is read, newest first, with its exact count (the all-rows view, CSV, overview)', async () => {
    const expected = seeded(BIG, (t) => day(t) === TODAY)
    expect(expected.length).toBeGreaterThan(250)
    const whole = await readWholeLog(BIG, TODAY_ONLY)
    expect(ids(whole.transactions)).toEqual(ids(expected))
    expect(whole).toMatchObject({ total: expected.length, exact: true })
    for (const t of whole.transactions) {
      expect(typeof t.id).toBe('number')
      expect(typeof t.sum).toBe('number')
      expect(typeof t.status.id).toBe('number')
    }
  })

  it('page 1 of the log is the newest rows and page 3 the rows after 200, with the total', async () => {
    const expected = seeded(BIG, (t) => day(t) === TODAY)
    const client = new QueryClient()
    const first = await client.fetchQuery(
      transactionsQuery(BIG, { ...TODAY_ONLY, page: 1, pageSize: 50 }),
    )
    const third = await client.fetchQuery(
      transactionsQuery(BIG, { ...TODAY_ONLY, page: 3, pageSize: 100 }),
    )
    expect(ids(first.transactions)).toEqual(ids(expected.slice(0, 50)))
    expect(ids(third.transactions)).toEqual(ids(expected.slice(200, 300)))
    expect(first).toMatchObject({ total: expected.length, exact: true })
  })

  it('a successful sale far back in the range is found by the duplicate check', async () => {
    const sales = seeded(1, (t) => t.type.id === 0 && day(t) >= MONTH.startDate)
    expect(sales.length).toBeGreaterThan(200)
    // Beyond the first server page whichever end the server starts from.
    const earlier = sales
      .slice(120, sales.length - 120)
      .find(
        (t) =>
          t.status.id === 1 && sales.filter((s) => s.document.id === t.document.id).length === 1,
      )
    if (!earlier) throw new Error('the seed has no lone successful sale in the middle of the month')
    const found = await getDocumentTransactions(1, earlier.document.id, 0, MONTH)
    expect(ids(found)).toEqual([earlier.id])
  })

  it('a new receipt is followed by id wherever the server puts it', async () => {
    const source = seeded(BIG, (t) => t.type.id === 0 && day(t) === TODAY)[5]
    if (!source) throw new Error('location 4 has no sale today')
    const result = await printDocumentBill(BIG, {
      document_id: source.document.id,
      type: 0,
      is_pos_enabled: false,
    })
    const created = result.kkm_transactions[0]
    if (!created) throw new Error('the print created no transaction')
    const found = await findTransaction(BIG, created, TODAY, null)
    expect(found?.transaction.id).toBe(created.id)
    // The next look starts where it was found, and finds it there with one request.
    const again = await findTransaction(BIG, created, TODAY, found?.page ?? null)
    expect(again?.transaction.id).toBe(created.id)
  })

  it('the shift is derived from the newest opening and closing, whatever the order', async () => {
    const success = (type: number) => (t: KkmTransaction) => t.type.id === type && t.status.id === 1
    const [opening] = seeded(1, success(4))
    const [closing] = seeded(1, success(5))
    const events = await getShiftEvents(1, MONTH)
    expect(events.opening?.id).toBe(opening?.id)
    expect(events.closing?.id).toBe(closing?.id)
  })
})

describe('a server that caps its pages below the page asked', () => {
  it('never takes a capped page for the last page of the view, however the lengths line up', async () => {
    setProfile({ ...DEFAULT_PROFILE, pageCap: 40 })
    const expected = seeded(BIG, (t) => day(t) === TODAY)
    // Page 2 of this length is the last 40 rows; the capped server's page 2 is rows 41–80.
    const pageSize = expected.length - 40
    const page = await new QueryClient().fetchQuery(
      transactionsQuery(BIG, {
        ...TODAY_ONLY,
        page: 2,
        pageSize,
      }),
    )
    expect(ids(page.transactions)).toEqual(ids(expected.slice(pageSize)))
  })
})

describe('a server that counts only the page', () => {
  it('learns no page cap from a short last page: a big day later still takes two reads', async () => {
    setProfile({ ...DEFAULT_PROFILE, count: 'page' })
    const openings = { type: 4 as const, status: null }
    const week = { startDate: '2026-11-22', endDate: TODAY, ...openings }
    const month = { ...MONTH, ...openings }
    const small = seeded(1, (t) => t.type.id === 4 && day(t) >= week.startDate)
    const larger = seeded(1, (t) => t.type.id === 4 && day(t) >= month.startDate)
    expect(larger.length).toBeGreaterThan(small.length)
    expect(ids((await readWholeLog(1, week)).transactions)).toEqual(ids(small))
    expect(ids((await readWholeLog(1, month)).transactions)).toEqual(ids(larger))
    let requests = 0
    server.events.on('request:start', () => void requests++)
    const whole = await readWholeLog(BIG, TODAY_ONLY)
    expect(ids(whole.transactions)).toEqual(ids(seeded(BIG, (t) => day(t) === TODAY)))
    expect(requests).toBeLessThanOrEqual(2)
  })
})

describe('a server whose pages are of uneven length', () => {
  it('reads on past a short page while its total says more, to the last row', async () => {
    const expected = seeded(BIG, (t) => day(t) === TODAY).slice(0, 250)
    // Pages of 100, 60 and 90 rows, each counting the whole 250: a short page is not the end.
    const starts = [0, 100, 160, 250]
    server.use(
      route(
        'get',
        '/kkm_transactions/{location_id}',
        'listKkmTransactions',
      )(({ url, reply }) => {
        const page = Number(url.searchParams.get('page'))
        const rows = expected.slice(starts[page - 1] ?? 250, starts[page] ?? 250)
        return reply(200, {
          success: true,
          data: rows.map((t) => presentTransaction(t, DEFAULT_PROFILE)),
          meta: { count: expected.length },
        })
      }),
    )
    const whole = await readWholeLog(BIG, TODAY_ONLY)
    expect(ids(whole.transactions)).toEqual(ids(expected))
    expect(whole).toMatchObject({ total: 250, exact: true })
  })
})

describe('errors in the legacy body', () => {
  beforeEach(() => setProfile({ errors: 'legacy' }))

  it('a 401 in it ends the session like any 401', async () => {
    setScenario({ fault: 'unauthorized', faultOperation: 'listKkmTransactions' })
    const error = await readWholeLog(1, { ...MONTH, type: null, status: null }).catch(
      (e: unknown) => e,
    )
    expect(isApiError(error) && error.status).toBe(401)
    expect(getSession()).toBeNull()
  })

  it('a 404 in it is a 404 with the server’s message', async () => {
    const error = await readWholeLog(99, { ...MONTH, type: null, status: null }).catch(
      (e: unknown) => e,
    )
    expect(isApiError(error) && error.status).toBe(404)
  })
})

describe('a deployment that insists on its Accept value', () => {
  it('YCLIENTS answers the console configured for it, and refuses Altegio’s Accept with 400', async () => {
    setProfile({ accept: 'yclients' })
    configureClient({ flavour: 'yclients' })
    await expect(readWholeLog(1, TODAY_ONLY)).resolves.toMatchObject({ exact: true })
    configureClient({ flavour: 'altegio' })
    const error = await readWholeLog(1, TODAY_ONLY).catch((e: unknown) => e)
    expect(isApiError(error) && error.status).toBe(400)
    endSession('signed-out')
  })
})
