/**
 * Requests each view of the console costs, under each server profile of the mock: the API layer
 * the pages use, against the mock in Node (MSW), through the app's own 5-a-second limiter.
 * `npm run bench:requests` prints the table; `npm run bench` adds it to its report.
 */
import { loadavg } from 'node:os'
import { QueryClient } from '@tanstack/react-query'
import { configureClient, rateLimiter } from '../../src/api/client'
import { myLocationsQuery } from '../../src/api/locations'
import { forgetServerShape, readWholeLog } from '../../src/api/logReader'
import { printDocumentBill } from '../../src/api/print'
import {
  findTransaction,
  getDocumentTransactions,
  getShiftEvents,
  transactionsQuery,
  type KkmTransaction,
} from '../../src/api/transactions'
import { addChainLocations, db, DEMO, isoInZone, resetDatabase } from '../../src/mocks/db'
import { server } from '../../src/mocks/node'
import { SERVER_PROFILES } from '../../src/mocks/profiles'
import { DEFAULT_PROFILE, resetScenario, setProfile } from '../../src/mocks/scenarios'
import { readOverview } from '../../src/pages/overview/readOverview'

const BIG = 4
/** The last 12:00 UTC: 19:00 at location 4, late enough in its day for ~300 rows, whenever it runs. */
const SEEDED_AT = Math.floor((Date.now() - 43_200_000) / 86_400_000) * 86_400_000 + 43_200_000
const day = (timeZone: string, at = SEEDED_AT) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(at))
const daysBefore = (isoDay: string, days: number) =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

interface View {
  name: string
  run: () => Promise<unknown>
}

function views(): View[] {
  const today = day('Asia/Novosibirsk')
  const todayMoscow = day('Europe/Moscow')
  const month = { startDate: daysBefore(todayMoscow, 30), endDate: todayMoscow }
  const range = { startDate: today, endDate: today, type: null, status: null }
  const client = new QueryClient()
  let created: (Pick<KkmTransaction, 'id' | 'type'> & { day: string }) | null = null
  let hint: number | null = null
  return [
    {
      name: 'log page 1 of 50 (today, ~300 rows)',
      run: () => client.fetchQuery(transactionsQuery(BIG, { ...range, page: 1, pageSize: 50 })),
    },
    {
      name: 'log page 3 of 50, after page 1',
      run: () => client.fetchQuery(transactionsQuery(BIG, { ...range, page: 3, pageSize: 50 })),
    },
    { name: 'all rows / CSV / overview card (today)', run: () => readWholeLog(BIG, range) },
    {
      name: 'CSV of a month (location 1, ~320 rows)',
      run: () => readWholeLog(1, { ...month, type: null, status: null }),
    },
    {
      name: 'duplicate check (a month, one document)',
      run: () => {
        const sales = db.transactions.get(1)?.filter((t) => t.type.id === 0) ?? []
        const middle = sales[Math.floor(sales.length / 2)]
        if (!middle) throw new Error('location 1 has no sale')
        return getDocumentTransactions(1, middle.document.id, 0, month)
      },
    },
    { name: 'shift (30 days)', run: () => getShiftEvents(1, month) },
    {
      name: 'print',
      run: async () => {
        const sale = db.transactions.get(BIG)?.find((t) => t.type.id === 0)
        if (!sale) throw new Error('location 4 has no sale')
        const result = await printDocumentBill(BIG, {
          document_id: sale.document.id,
          type: 0,
          is_pos_enabled: false,
        })
        const first = result.kkm_transactions[0]
        // Printed "now", but followed as if at the seeded moment: the last of ~300 rows that day.
        const stored = db.transactions.get(BIG)?.find((t) => t.id === first?.id)
        if (!first || !stored) throw new Error('the print created no transaction')
        stored.print_date = isoInZone(SEEDED_AT, 7)
        created = { id: first.id, type: first.type, day: today }
      },
    },
    {
      name: 'follow-up, first look',
      run: async () => {
        if (!created) throw new Error('nothing printed')
        hint = (await findTransaction(BIG, created, created.day, null))?.page ?? null
      },
    },
    {
      name: 'follow-up, each later look',
      run: () => (created ? findTransaction(BIG, created, created.day, hint) : Promise.resolve()),
    },
  ]
}

export interface RequestsTable {
  profiles: string[]
  rows: { view: string; requests: number[]; ms: number[] }[]
  refused: number
}

export async function measureRequestsPerView(): Promise<RequestsTable> {
  let requests = 0
  let refused = 0
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', () => void requests++)
  server.events.on('response:mocked', ({ response }) => {
    if (response.status === 429) refused++
  })
  configureClient({
    credentials: () => ({ partnerToken: DEMO.partnerToken, userToken: DEMO.userToken }),
  })
  const table: RequestsTable = { profiles: Object.keys(SERVER_PROFILES), rows: [], refused: 0 }
  try {
    for (const [column, traits] of Object.values(SERVER_PROFILES).entries()) {
      const profile = { ...DEFAULT_PROFILE, ...traits }
      resetDatabase(SEEDED_AT)
      resetScenario()
      setProfile(profile)
      rateLimiter.reset()
      forgetServerShape()
      configureClient({ flavour: profile.accept === 'yclients' ? 'yclients' : 'altegio' })
      for (const [index, view] of views().entries()) {
        const row = (table.rows[index] ??= { view: view.name, requests: [], ms: [] })
        const before = requests
        const started = performance.now()
        await view.run()
        row.requests[column] = requests - before
        row.ms[column] = Math.round(performance.now() - started)
      }
    }
  } finally {
    server.close()
  }
  table.refused = refused
  return table
}

/** The chain the overview's figure is measured on, and the rate its bound is counted in. */
export const CHAIN_SIZE = 30
const RATE_PER_SECOND = 5

export interface OverviewCost {
  locations: number
  /** Every request of the page: the list of locations, each day, probes, pages, look-backs. */
  requests: number
  /** The most any one location cost (its day, its further pages, its share of probes, its look-back). */
  mostForOneLocation: number
  /** Until the last card had its day and its shift. */
  settledMs: number
  /** 1.3 × requests ÷ 5 a second: the limiter's own pace with 30 % to spare. */
  boundMs: number
  refused: number
  failed: number
  /** The machine's 1-minute load average as the overview settled: a slow run says why here. */
  loadAverage: number
}

/**
 * The overview of a 30-location chain under the strict-rate profile (the 6th request within a
 * second is refused), read as the page reads it (src/pages/overview/readOverview.ts).
 */
export async function measureOverview(): Promise<OverviewCost> {
  let requests = 0
  let refused = 0
  const byLocation = new Map<string, number>()
  server.listen({ onUnhandledRequest: 'error' })
  server.events.on('request:start', ({ request }) => {
    requests++
    const location = /\/kkm_transactions\/(\d+)$/.exec(new URL(request.url).pathname)?.[1]
    if (location) byLocation.set(location, (byLocation.get(location) ?? 0) + 1)
  })
  server.events.on('response:mocked', ({ response }) => {
    if (response.status === 429) refused++
  })
  configureClient({
    credentials: () => ({ partnerToken: DEMO.partnerToken, userToken: DEMO.userToken }),
    flavour: 'altegio',
  })
  try {
    addChainLocations(resetDatabase(SEEDED_AT), CHAIN_SIZE, SEEDED_AT)
    resetScenario()
    setProfile({ ...DEFAULT_PROFILE, rate: 'strict' })
    rateLimiter.reset()
    forgetServerShape()
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const started = performance.now()
    const locations = await client.fetchQuery(myLocationsQuery())
    const reads = await readOverview(client, locations, SEEDED_AT)
    const settledMs = Math.round(performance.now() - started)
    return {
      locations: locations.length,
      requests,
      mostForOneLocation: Math.max(...byLocation.values()),
      settledMs,
      boundMs: Math.round((1.3 * requests * 1000) / RATE_PER_SECOND),
      refused,
      failed: reads.filter((read) => read.failed).length,
      loadAverage: loadavg()[0] ?? 0,
    }
  } finally {
    server.events.removeAllListeners()
    server.close()
  }
}

export function overviewMarkdown(cost: OverviewCost): string {
  const perLocation = cost.requests / cost.locations
  return [
    `## The overview of a ${cost.locations}-location chain, strict rate`,
    '',
    'The page’s own reads (readOverview: its queries, order and window) against the mock in Node, through the app’s limiter; the strict profile refuses the 6th request within a second. Goal: ≤ 1.5 requests a location, every card settled within 1.3 × requests ÷ 5 s, no refusal.',
    '',
    '| requests | per location | most for one location | settled | bound | refused | failed | load average (1 min) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${cost.requests} | ${perLocation.toFixed(2)} | ${cost.mostForOneLocation} | ${(cost.settledMs / 1000).toFixed(1)} s | ${(cost.boundMs / 1000).toFixed(1)} s | ${cost.refused} | ${cost.failed} | ${cost.loadAverage.toFixed(2)} |`,
  ].join('\n')
}

export function requestsMarkdown(table: RequestsTable): string {
  const out = [
    '## Requests per view, by server profile',
    '',
    'The API layer the pages use, against the mock in Node, through the app’s own limiter (5 a second); each cell is requests / milliseconds. Location 4 today holds ~300 rows, so a cap of 100 makes three pages.',
    '',
    `| view | ${table.profiles.join(' | ')} |`,
    `|---|${table.profiles.map(() => '---:').join('|')}|`,
    ...table.rows.map(
      (row) =>
        `| ${row.view} | ${row.requests.map((n, i) => `${n} / ${row.ms[i] ?? 0} ms`).join(' | ')} |`,
    ),
    '',
    `429 answers from the strict-rate profile: ${table.refused}.`,
  ]
  return out.join('\n')
}
