/**
 * What the overview costs a salon (issue #14.3), under every server the reference allows where it
 * says "not documented": the page's own reads (readOverview: its queries, order and window)
 * against the mock in Node, through the app's limiter. Every day is checked against the mock's
 * database, so a cheaper read that reads less than the whole day fails here too.
 */
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configureClient } from '@/api/client'
import { myLocationsQuery } from '@/api/locations'
import { shiftQuery } from '@/api/transactions'
import { addChainLocations, db, type MockCompany } from '@/mocks/db'
import { server } from '@/mocks/node'
import { SERVER_PROFILES } from '@/mocks/profiles'
import { rateRefusals } from '@/mocks/rate'
import { DEFAULT_PROFILE, setProfile } from '@/mocks/scenarios'
import { dayQuery, readOverview } from '@/pages/overview/readOverview'
import { readable } from '@/pages/overview/useReadQueue'
import { signInAsManager } from './render'

/** The day as the mock writes it: in the location's own offset. */
const todayOf = (company: MockCompany) =>
  new Date(Date.now() + company.timezone * 3_600_000).toISOString().slice(0, 10)
const todaysRows = (company: MockCompany) =>
  (db.transactions.get(company.id) ?? []).filter(
    (t) => t.print_date.slice(0, 10) === todayOf(company),
  )
const tellsTheShift = (company: MockCompany) =>
  todaysRows(company).some((t) => (t.type.id === 4 || t.type.id === 5) && t.status.id === 1)

interface Sent {
  location: number
  kind: 'day' | 'probe' | 'look-back'
}

/** Every log request, by location and by what it asks: the day, a one-row probe, the shift. */
function countRequests(): Sent[] {
  const sent: Sent[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    const location = /\/kkm_transactions\/(\d+)$/.exec(url.pathname)?.[1]
    if (!location) return
    const kind = url.searchParams.has('type')
      ? 'look-back'
      : url.searchParams.get('editable_length') === '1'
        ? 'probe'
        : 'day'
    sent.push({ location: Number(location), kind })
  })
  return sent
}
const of = (sent: Sent[], location: number, kind?: Sent['kind']) =>
  sent.filter((s) => s.location === location && (kind === undefined || s.kind === kind)).length

async function readTheOverview() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const locations = await client.fetchQuery(myLocationsQuery())
  const reads = await readOverview(client, locations)
  return { client, locations, reads }
}

beforeEach(() => signInAsManager())
afterEach(() => configureClient({ flavour: 'altegio' }))

describe.each(Object.entries(SERVER_PROFILES))(
  'the overview on a server with %s',
  (_name, profile) => {
    const CHAIN = 10
    beforeEach(() => {
      addChainLocations(db, CHAIN)
      setProfile({ ...DEFAULT_PROFILE, ...profile })
      if (profile.accept === 'yclients') configureClient({ flavour: 'yclients' })
    })

    it('reads every day whole, the shift where today cannot tell it, at ≤ 1.5 requests a location beyond the pages a cap or a page count forces', async () => {
      const sent = countRequests()
      const { client, locations, reads } = await readTheOverview()
      expect(locations).toHaveLength(CHAIN)
      expect(reads.filter((read) => read.failed)).toEqual([])
      const cap = profile.pageCap ?? Infinity
      // A server that counts pages never says a page is the last: the longest day seen so far needs
      // the page after it to prove its end. Any other day ends on its first page.
      const endProof = profile.count === 'page' ? 1 : 0
      let forcedPages = 0
      for (const company of db.companies) {
        const rows = todaysRows(company)
        const day = client.getQueryData(dayQuery(company.id, todayOf(company)).queryKey)
        expect(day?.transactions.map((t) => t.id)).toEqual(rows.map((t) => t.id))
        expect(day).toMatchObject({ total: rows.length, exact: true })
        // The pages a cap cuts the day into (one more when the last is full): never more.
        const pages = Math.floor(rows.length / cap) + 1
        forcedPages += pages - 1
        expect(of(sent, company.id, 'day')).toBeLessThanOrEqual(pages + endProof)
        if (tellsTheShift(company)) expect(of(sent, company.id, 'look-back')).toBe(0)
        else
          expect(client.getQueryData(shiftQuery(company.id, todayOf(company)).queryKey)).toEqual({
            opening: null,
            closing: null,
          })
      }
      // The seed gives a look-back to one location (the empty log), or this proves less than it says.
      expect(db.companies.filter((c) => !tellsTheShift(c)).map((c) => c.id)).toEqual([5])
      // Whether counts are totals is asked once for the whole server, not once per location.
      expect(sent.filter((s) => s.kind === 'probe').length).toBeLessThanOrEqual(1)
      expect(sent.length).toBeLessThanOrEqual((endProof ? 2 : 1.5) * CHAIN + forcedPages)
    })
  },
)

describe('a chain of thirty under the strict rate (the bench’s case)', () => {
  it('costs ≤ 1.5 requests a location, the list of locations included, and is never refused', async () => {
    addChainLocations(db, 30)
    setProfile({ rate: 'strict' })
    let requests = 0
    server.events.on('request:start', () => void requests++)
    const { locations, reads } = await readTheOverview()
    expect(locations).toHaveLength(30)
    expect(reads.filter((read) => read.failed)).toEqual([])
    expect(requests).toBeLessThanOrEqual(1.5 * 30)
    expect(rateRefusals()).toBe(0)
  })
})

describe('the order cards read in', () => {
  const ids = [11, 12, 13, 14, 15, 16, 17, 18]
  const none = new Set<number>()

  it('is the order on screen, a second’s worth (5) at a time, the next as one settles', () => {
    expect([...readable(ids, none, none)]).toEqual([11, 12, 13, 14, 15])
    expect([...readable(ids, none, new Set([12]))].sort()).toEqual([11, 12, 13, 14, 15, 16])
  })

  it('puts the cards in view first, and keeps every settled card reading (its refreshes)', () => {
    const inView = new Set([16, 17, 18])
    expect([...readable(ids, inView, none)].sort()).toEqual([11, 12, 16, 17, 18])
    expect([...readable(ids, inView, new Set([16, 17, 18]))].sort()).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18,
    ])
  })
})
