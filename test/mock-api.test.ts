import { describe, expect, it } from 'vitest'
import { control } from '@/mocks/control'
import { db, DEMO } from '@/mocks/db'
import { addRecentSale } from '@/mocks/fixtures'
import { scenario } from '@/mocks/scenarios'

const BASE = 'http://localhost/api/v1'
const both = (user: string = DEMO.userToken) => ({
  Authorization: `Bearer ${DEMO.partnerToken}, User ${user}`,
  Accept: 'application/vnd.api.v2+json',
})

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${BASE}${path}`, init)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('the embedded mock API', () => {
  it('answers a missing or wrong token with the documented 401 body', async () => {
    for (const headers of [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: 'Token demo-partner-token' },
    ] as Record<string, string>[]) {
      expect(await call('/countries', { headers })).toEqual({
        status: 401,
        body: { success: false, data: null, meta: { message: 'Authentication needed.' } },
      })
    }
    expect((await call('/kkm_transactions/1', { headers: both('wrong-user') })).status).toBe(401)
    // The user token is required where the user acts.
    expect(
      (
        await call('/kkm_transactions/1', {
          headers: { Authorization: `Bearer ${DEMO.partnerToken}` },
        })
      ).status,
    ).toBe(401)
  })

  it('answers 403 for a location the user may not manage', async () => {
    expect(await call('/kkm_transactions/2', { headers: both(DEMO.cashierToken) })).toEqual({
      status: 403,
      body: { success: false, data: null, meta: { message: 'Access denied.' } },
    })
  })

  it('answers 404 for unknown ids', async () => {
    expect(await call('/kkm_transactions/999', { headers: both() })).toEqual({
      status: 404,
      body: { success: false, data: null, meta: {} },
    })
    expect(
      (await call('/integration/kkm/references/tax_system/999', { headers: both() })).status,
    ).toBe(404)
  })

  it('serves country 1 with exactly the six tax systems of the documentation, and a country with none', async () => {
    const russia = await call('/integration/kkm/references/tax_system/1', { headers: both() })
    expect((russia.body.data as { slug: string }[]).map((s) => s.slug)).toEqual([
      'ru_osn',
      'ru_usn',
      'ru_usnr',
      'ru_envd',
      'ru_esn',
      'ru_psn',
    ])
    expect(russia.body.meta).toEqual({ count: 6 })
    const usa = await call('/integration/kkm/references/tax_system/7', { headers: both() })
    expect(usa.body).toEqual({ success: true, data: [], meta: { count: 0 } })
  })

  it('lists only the user’s locations with my=1', async () => {
    const manager = await call('/companies?my=1', { headers: both() })
    expect((manager.body.data as unknown[]).length).toBe(db.companies.length)
    const cashier = await call('/companies?my=1', { headers: both(DEMO.cashierToken) })
    expect((cashier.body.data as { id: number }[]).map((c) => c.id)).toEqual([1])
  })

  it('trades login and password for the user token with 201', async () => {
    const ok = await call('/auth', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO.partnerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: DEMO.login, password: DEMO.password }),
    })
    expect(ok.status).toBe(201)
    expect(ok.body).toMatchObject({ success: true, data: { user_token: DEMO.userToken }, meta: [] })
    const wrong = await call('/auth', {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO.partnerToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: DEMO.login, password: 'nope' }),
    })
    expect(wrong.status).toBe(401)
  })

  it('seeds a few hundred transactions over the last 30 days across types, statuses and cashiers', () => {
    const log = db.transactions.get(1) ?? []
    expect(log.length).toBeGreaterThan(200)
    expect(new Set(log.map((t) => t.type.id)).size).toBeGreaterThanOrEqual(6)
    expect(new Set(log.map((t) => t.status.id)).size).toBeGreaterThanOrEqual(4)
    expect(new Set(log.map((t) => t.cashier.id)).size).toBeGreaterThanOrEqual(3)
    const oldest = Math.min(...log.map((t) => Date.parse(t.print_date)))
    expect(Date.now() - oldest).toBeLessThan(31 * 86_400_000)
    expect((db.transactions.get(DEMO.bigLocationId) ?? []).length).toBeGreaterThanOrEqual(10_000)
  })
})

/** What `npm run mock-api` answers on its steering paths (scripts/mock-api.ts hands them over). */
describe('the standalone mock’s /__mock/scenario', () => {
  const post = (body: string) => control('/__mock/scenario', 'POST', body)

  it('takes a partial profile or a named one, and answers the whole scenario', () => {
    expect(post('{"profile":{"rate":"strict"}}')).toMatchObject({
      status: 200,
      body: { profile: { rate: 'strict', order: 'newest-first', ids: 'numbers' } },
    })
    expect(post('{"profile":"harshest","printer":"offline"}')).toMatchObject({
      status: 200,
      body: {
        printer: 'offline',
        profile: { order: 'oldest-first', pageCap: 100, rate: 'strict' },
      },
    })
    expect(control('/__mock/scenario', 'GET', '')).toMatchObject({
      status: 200,
      body: { profile: { accept: 'yclients' } },
    })
    const sale = addRecentSale(db)
    expect(control('/__mock/reset', 'POST', '')).toMatchObject({
      status: 200,
      body: { printer: 'online', profile: { accept: 'lenient', rate: 'lenient' } },
    })
    // The database too, as the e2e journeys rely on between them.
    expect(db.transactions.get(1)?.some((t) => t.id === sale.id)).toBe(false)
    expect(control('/__mock/stats', 'GET', '')).toEqual({ status: 200, body: { rateRefusals: 0 } })
  })

  it('answers 400 with the reason for unknown traits, values and fields, and changes nothing', () => {
    for (const [body, reason] of [
      ['{"profile":{"speed":"fast"}}', 'unknown trait "speed"'],
      ['{"profile":{"ids":"hex"}}', 'profile.ids must be one of "numbers", "strings"'],
      ['{"profile":{"pageCap":"100"}}', 'profile.pageCap must be a positive integer or null'],
      ['{"profile":"gentle"}', 'profile must be one of "default", "harshest"'],
      ['{"fault":"meteor"}', 'fault must be null or one of'],
      ['{"latencyMs":-1}', 'latencyMs must be a number of milliseconds'],
      ['{"printr":"offline"}', 'unknown field "printr"'],
      ['{"profile":{"rate":"strict"},"printr":"offline"}', 'unknown field "printr"'],
      ['not json', 'the body must be JSON'],
      ['[]', 'the scenario must be a JSON object'],
    ]) {
      const answer = post(body ?? '')
      expect(answer?.status, body).toBe(400)
      expect((answer?.body as { error: string }).error, body).toContain(reason)
    }
    expect(scenario.profile.rate).toBe('lenient')
    expect(scenario.printer).toBe('online')
  })

  it('leaves the API paths to the handlers', () => {
    expect(control('/api/v1/countries', 'GET', '')).toBeNull()
  })
})
