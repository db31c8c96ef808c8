import { MantineProvider } from '@mantine/core'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { MockPanel, restoreMockScenario } from '@/dev/MockPanel'
import { db, DEMO } from '@/mocks/db'
import { scenarioFromParams } from '@/mocks/flags'
import { HARNESS_HEADER } from '@/mocks/harness'
import { parseScenario } from '@/mocks/parse'
import { rateRefusals, retryAfterSeconds } from '@/mocks/rate'
import {
  HARSHEST_PROFILE,
  resetScenario,
  scenario,
  setProfile,
  setScenario,
} from '@/mocks/scenarios'

/** Raw requests, not the app's client: these tests are about what the mock sends. */
const BASE = 'http://localhost/api/v1'
const ALTEGIO = 'application/vnd.api.v2+json'
const YCLIENTS = 'application/vnd.yclients.v2+json'
const AUTH = `Bearer ${DEMO.partnerToken}, User ${DEMO.userToken}`

type Json = Record<string, unknown>
interface Row {
  id: unknown
  print_date: string
  sum: unknown
  printed_count: unknown
  type: { id: unknown }
  status: { id: unknown }
  document: { id: unknown; type: unknown }
  cashier: { id: unknown }
}

async function call(
  path: string,
  { accept = ALTEGIO, auth = AUTH, method = 'GET', body }: Partial<Record<string, string>> = {},
) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      Accept: accept,
      Authorization: auth,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body,
  })
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  }
}

async function log(query: string, location = 1) {
  const answer = await call(`/kkm_transactions/${location}?${query}`)
  expect(answer.status).toBe(200)
  return { rows: answer.body.data as Row[], meta: answer.body.meta as { count: unknown } }
}

const times = (rows: Row[]) => rows.map((row) => Date.parse(row.print_date))

/** A sale at location 1 that may be printed again. */
function printable() {
  const sale = db.transactions.get(1)?.find((t) => t.type.id === 0)
  if (!sale) throw new Error('the seed has no sale at location 1')
  return JSON.stringify({ document_id: sale.document.id, type: 0 })
}

describe('server profiles of the mock API', () => {
  it('orders the log newest first by default and oldest first on request', async () => {
    const newest = await log('editable_length=50')
    const newestTimes = times(newest.rows)
    expect(newestTimes).toEqual([...newestTimes].sort((a, b) => b - a))

    setProfile({ order: 'oldest-first' })
    const oldest = await log('editable_length=50')
    const oldestTimes = times(oldest.rows)
    expect(oldestTimes).toEqual([...oldestTimes].sort((a, b) => a - b))
    expect(Math.max(...oldestTimes)).toBeLessThan(Math.min(...newestTimes))
  })

  it('caps a page at pageCap rows whatever editable_length asks, and page 2 goes on from there', async () => {
    const uncapped = await log('editable_length=1000')
    expect(uncapped.rows.length).toBeGreaterThan(200)

    setProfile({ pageCap: 100 })
    const first = await log('editable_length=1000&page=1')
    const second = await log('editable_length=1000&page=2')
    expect(first.rows).toHaveLength(100)
    expect(second.rows).toHaveLength(100)
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(
      uncapped.rows.slice(0, 200).map((r) => r.id),
    )
    // A page smaller than the cap is served as asked.
    expect((await log('editable_length=25')).rows).toHaveLength(25)
  })

  it('numbers capped pages by the length asked with paging=asked: page 2 starts at row editable_length', async () => {
    const uncapped = await log('editable_length=1000')
    setProfile({ pageCap: 40, paging: 'asked' })
    const second = await log('editable_length=100&page=2')
    expect(second.rows.map((r) => r.id)).toEqual(uncapped.rows.slice(100, 140).map((r) => r.id))
  })

  it('counts the total by default and the page’s rows with count=page', async () => {
    const total = await log('editable_length=10')
    expect(total.rows).toHaveLength(10)
    expect(total.meta.count).toBeGreaterThan(200)

    setProfile({ count: 'page' })
    const page = await log('editable_length=10')
    expect(page.meta.count).toBe(10)
    const beyond = await log('editable_length=10&page=1000')
    expect(beyond).toEqual({ rows: [], meta: { count: 0 } })
  })

  it('sends every id and number as a string with ids=strings, and as numbers by default', async () => {
    const numbers = await log('editable_length=5')
    expect(numbers.rows.every((r) => typeof r.id === 'number' && typeof r.sum === 'number')).toBe(
      true,
    )
    expect(typeof numbers.meta.count).toBe('number')

    setProfile({ ids: 'strings' })
    const strings = await log('editable_length=5')
    expect(strings.meta.count).toMatch(/^\d+$/)
    for (const row of strings.rows) {
      for (const value of [
        row.id,
        row.printed_count,
        row.type.id,
        row.status.id,
        row.document.id,
        row.document.type,
        row.cashier.id,
      ])
        expect(value).toMatch(/^\d+$/)
      expect(row.sum).toMatch(/^\d+(\.\d+)?$/)
    }
    expect(strings.rows.map((r) => Number(r.id))).toEqual(numbers.rows.map((r) => r.id))

    const companies = (await call('/companies?my=1')).body
    expect(companies.meta).toEqual({ count: '5' })
    expect((companies.data as Json[])[0]).toMatchObject({
      id: '1',
      country_id: '1',
      city_id: '2',
      timezone: '3',
    })
    const countries = (await call('/countries', { auth: `Bearer ${DEMO.partnerToken}` })).body
    expect((countries.data as Json[])[0]).toMatchObject({ id: '1', title: 'Russia' })
    expect((await call('/integration/kkm/references/tax_system/1')).body.meta).toEqual({
      count: '6',
    })

    const printed = await call('/kkm_transactions/1/print_document_bill', {
      method: 'POST',
      body: printable(),
    })
    const result = printed.body.data as {
      kkm_type: unknown
      status: unknown
      kkm_transactions: Row[]
    }
    expect(result).toMatchObject({ kkm_type: '0', status: '2' })
    expect(result.kkm_transactions[0]?.id).toMatch(/^\d+$/)
    expect(result.kkm_transactions[0]?.sum).toMatch(/^\d+(\.\d+)?$/)
  })

  it('sends print_date as the location’s wall time with dates=wall, as ISO with offset by default', async () => {
    const iso = await log('editable_length=20')
    for (const row of iso.rows)
      expect(row.print_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/)

    setProfile({ dates: 'wall' })
    const wall = await log('editable_length=20')
    for (const row of wall.rows)
      expect(row.print_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    // The same clock reading, without the offset: Moscow's 15:00 stays 15:00.
    expect(wall.rows[0]?.print_date.replace(' ', 'T')).toBe(iso.rows[0]?.print_date.slice(0, 19))

    const printed = await call('/kkm_transactions/1/print_document_bill', {
      method: 'POST',
      body: printable(),
    })
    const [receipt] = (printed.body.data as { kkm_transactions: Row[] }).kkm_transactions
    // The suite's clock stands at 12:00Z, 15:00 in Moscow, and runs on for a few seconds at most.
    expect(receipt?.print_date).toMatch(/^2026-11-28 15:00:\d{2}$/)
  })

  it('answers every error in the legacy shape with errors=legacy, route replies and faults alike', async () => {
    const envelope = await call('/countries', { auth: 'Bearer nope' })
    expect(envelope.body).toEqual({
      success: false,
      data: null,
      meta: { message: 'Authentication needed.' },
    })

    setProfile({ errors: 'legacy' })
    expect(await call('/countries', { auth: 'Bearer nope' })).toMatchObject({
      status: 401,
      body: {
        errors: { code: 401, message: 'Authentication needed' },
        meta: { message: 'Authentication needed.' },
      },
    })
    const missing = await call('/kkm_transactions/999')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ errors: { code: 404 } })
    expect(missing.body.errors).toHaveProperty('message', expect.any(String))
    const invalid = await call('/kkm_transactions/1?page=zero')
    expect(invalid.status).toBe(422)
    expect(invalid.body).toMatchObject({
      errors: { code: 422 },
      meta: { errors: [{ field: 'page' }] },
    })

    setScenario({ fault: 'server-error' })
    const fault = await call('/kkm_transactions/1')
    expect(fault.status).toBe(500)
    expect(fault.body).toMatchObject({ errors: { code: 500 } })
    setScenario({ fault: 'rate-limited' })
    const limited = await call('/kkm_transactions/1')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('3')
    expect(limited.body).toMatchObject({ errors: { code: 429 } })
    for (const body of [missing.body, invalid.body, fault.body, limited.body])
      expect(body).not.toHaveProperty('success')
  })

  it('refuses the other product’s Accept with 400 under a strict Accept, before printing anything', async () => {
    // Lenient by default: any Accept at all is served.
    expect((await call('/kkm_transactions/1', { accept: 'application/json' })).status).toBe(200)

    setProfile({ accept: 'yclients' })
    const refused = await call('/kkm_transactions/1', { accept: ALTEGIO })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({
      errors: { code: 400 },
      meta: { message: expect.any(String) },
    })
    expect(refused.body).not.toHaveProperty('success')
    expect((await call('/kkm_transactions/1', { accept: YCLIENTS })).status).toBe(200)

    const before = db.transactions.get(1)?.length
    const print = await call('/kkm_transactions/1/print_document_bill', {
      method: 'POST',
      accept: ALTEGIO,
      body: printable(),
    })
    expect(print.status).toBe(400)
    expect(db.transactions.get(1)?.length).toBe(before)

    setProfile({ accept: 'altegio' })
    expect((await call('/kkm_transactions/1', { accept: YCLIENTS })).status).toBe(400)
    expect((await call('/kkm_transactions/1', { accept: ALTEGIO })).status).toBe(200)
  })

  it('serves any burst by default, and under a strict rate answers the 6th request of a second 429', async () => {
    for (let i = 0; i < 8; i++) expect((await call('/companies?my=1')).status).toBe(200)

    setProfile({ rate: 'strict' })
    const statuses: number[] = []
    let last: Awaited<ReturnType<typeof call>> | undefined
    for (let i = 0; i < 6; i++) {
      last = await call('/companies?my=1')
      statuses.push(last.status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    expect(last?.headers.get('Retry-After')).toMatch(/^[1-9]\d*$/)
    expect(last?.body).toEqual({
      success: false,
      data: null,
      meta: { message: 'Too many requests.' },
    })

    // A refused print is not printed.
    const before = db.transactions.get(1)?.length
    const print = await call('/kkm_transactions/1/print_document_bill', {
      method: 'POST',
      body: printable(),
    })
    expect(print.status).toBe(429)
    expect(db.transactions.get(1)?.length).toBe(before)

    // The 429s did not fill the window: once the second has passed, five are served again.
    vi.setSystemTime(Date.now() + 1_000)
    const again: number[] = []
    for (let i = 0; i < 6; i++) again.push((await call('/companies?my=1')).status)
    expect(again).toEqual([200, 200, 200, 200, 200, 429])

    setProfile({ errors: 'legacy' })
    expect((await call('/companies?my=1')).body).toMatchObject({ errors: { code: 429 } })
  })

  it('counts a strict rate as requests arrive, not as their answers leave after the latency', async () => {
    setProfile({ rate: 'strict' })
    setScenario({ latencyMs: 3_000 })
    const slow = Array.from({ length: 5 }, () => call('/companies?my=1'))
    // The second is full as soon as the five have come, while their answers are still 3 s away:
    // counted after the latency, requests sent seconds apart met in one window whenever the
    // latency fell mid-flight (an e2e print that lowers it was refused a request).
    await vi.waitFor(() => expect(retryAfterSeconds()).not.toBeNull(), { timeout: 1_500 })
    expect((await Promise.all(slow)).map((answer) => answer.status)).toEqual([
      200, 200, 200, 200, 200,
    ])
  })

  it('leaves a test harness’s own reads out of the strict rate window', async () => {
    setProfile({ rate: 'strict' })
    const harness = async () =>
      (
        await fetch(`${BASE}/companies?my=1`, {
          headers: { Authorization: AUTH, [HARNESS_HEADER]: 'setup' },
        })
      ).status
    for (let i = 0; i < 3; i++) expect(await harness()).toBe(200)
    const app: number[] = []
    for (let i = 0; i < 6; i++) app.push((await call('/companies?my=1')).status)
    expect(app).toEqual([200, 200, 200, 200, 200, 429])
    expect(await harness()).toBe(200)
    expect(rateRefusals()).toBe(1)
  })

  it('forgets the rate window on resetScenario', async () => {
    setProfile({ rate: 'strict' })
    for (let i = 0; i < 5; i++) await call('/companies?my=1')
    expect((await call('/companies?my=1')).status).toBe(429)
    resetScenario()
    setProfile({ rate: 'strict' })
    expect((await call('/companies?my=1')).status).toBe(200)
  })

  it('merges partial profiles and restores the default on reset', () => {
    setProfile({ rate: 'strict' })
    setScenario({ profile: { ids: 'strings' }, latencyMs: 5 })
    setScenario({ fault: 'server-error' })
    expect(scenario.profile).toEqual({
      order: 'newest-first',
      pageCap: null,
      paging: 'served',
      count: 'total',
      ids: 'strings',
      dates: 'iso',
      errors: 'envelope',
      accept: 'lenient',
      rate: 'strict',
    })
    expect(scenario.latencyMs).toBe(5)
    resetScenario()
    expect(scenario.profile).toEqual({
      order: 'newest-first',
      pageCap: null,
      paging: 'served',
      count: 'total',
      ids: 'numbers',
      dates: 'iso',
      errors: 'envelope',
      accept: 'lenient',
      rate: 'lenient',
    })
    expect(scenario.latencyMs).toBe(0)
  })

  it('serves the harshest profile as a whole: 100 rows, oldest first, strings and wall time', async () => {
    setProfile(HARSHEST_PROFILE)
    const answer = await call('/kkm_transactions/1?editable_length=1000', { accept: YCLIENTS })
    const rows = answer.body.data as Row[]
    expect(rows).toHaveLength(100)
    expect(answer.body.meta).toEqual({ count: '100' })
    expect(rows[0]?.print_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(rows[0]?.id).toMatch(/^\d+$/)
    const asIso = rows.map((r) => Date.parse(r.print_date.replace(' ', 'T') + 'Z'))
    expect(asIso).toEqual([...asIso].sort((a, b) => a - b))
  })
})

describe('switching profiles from outside', () => {
  it('reads URL flags: a named profile, amended by single traits; wrong values are ignored', () => {
    expect(
      scenarioFromParams(
        new URLSearchParams(
          'mock-profile=harshest&mock-rate=lenient&mock-page-cap=50&mock-paging=served',
        ),
      ),
    ).toEqual({
      profile: {
        order: 'oldest-first',
        pageCap: 50,
        paging: 'served',
        count: 'page',
        ids: 'strings',
        dates: 'wall',
        errors: 'legacy',
        accept: 'yclients',
        rate: 'lenient',
      },
    })
    expect(
      scenarioFromParams(
        new URLSearchParams(
          'mock-order=oldest-first&mock-count=page&mock-ids=strings&mock-dates=wall&mock-errors=legacy&mock-accept=altegio&mock-ids=x',
        ),
      ),
    ).toEqual({
      profile: {
        order: 'oldest-first',
        count: 'page',
        ids: 'strings',
        dates: 'wall',
        errors: 'legacy',
        accept: 'altegio',
      },
    })
    expect(scenarioFromParams(new URLSearchParams('mock-rate=sometimes&mock-page-cap=-1'))).toEqual(
      {},
    )
    expect(
      scenarioFromParams(new URLSearchParams('mock-fault=server-error&mock-latency=800')),
    ).toEqual({ fault: 'server-error', latencyMs: 800 })
  })

  it('validates a scenario patch: a named or partial profile passes, unknown traits and values do not', () => {
    expect(parseScenario({ profile: { rate: 'strict' } })).toEqual({
      ok: true,
      value: { profile: { rate: 'strict' } },
    })
    expect(parseScenario({ profile: 'default', fault: null })).toMatchObject({
      ok: true,
      value: { fault: null, profile: { order: 'newest-first', rate: 'lenient' } },
    })
    const unknownTrait = parseScenario({ profile: { speed: 'fast' } })
    expect(unknownTrait).toMatchObject({ ok: false, error: expect.stringContaining('"speed"') })
    const badValue = parseScenario({ profile: { order: 'random' } })
    expect(badValue).toMatchObject({ ok: false, error: expect.stringContaining('"oldest-first"') })
    expect(parseScenario({ profile: { pageCap: 0 } })).toMatchObject({ ok: false })
    expect(parseScenario({ profile: 'harsh' })).toMatchObject({ ok: false })
    expect(parseScenario({ fault: 'meteor' })).toMatchObject({ ok: false })
    expect(parseScenario({ latency: 5 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"latency"'),
    })
  })
})

describe('the Mock API panel', () => {
  it('switches the whole profile with Harshest and Default, one trait with its control, and keeps it for reloads', async () => {
    const user = userEvent.setup()
    render(createElement(MantineProvider, { env: 'test' }, createElement(MockPanel)))
    await user.click(screen.getByRole('button', { name: 'Mock API scenarios' }))
    await user.click(await screen.findByRole('button', { name: 'Harshest' }))
    expect(scenario.profile).toEqual(HARSHEST_PROFILE)
    await user.click(screen.getByRole('button', { name: 'Default' }))
    expect(scenario.profile.rate).toBe('lenient')

    await user.click(screen.getByRole('combobox', { name: 'Log order' }))
    await user.click(await screen.findByRole('option', { name: 'Oldest first' }))
    expect(scenario.profile).toMatchObject({ order: 'oldest-first', ids: 'numbers' })

    resetScenario()
    restoreMockScenario()
    expect(scenario.profile.order).toBe('oldest-first')
  })
})
