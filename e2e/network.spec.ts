import { choose, expect, logTable, signInWithTokens, test, type ApiCall } from './support/fixtures'
import type { Page } from '@playwright/test'

/** How long the app may keep each answer before asking again (src/api/*.ts staleTime). */
function cacheLifetimeMs(call: ApiCall): number {
  const path = call.url.pathname
  if (path === '/api/v1/countries' || path.includes('/references/tax_system/')) return 6 * 3_600_000
  if (path === '/api/v1/companies') return 10 * 60_000
  // The log's pages and the shift read: the shortest of their lifetimes.
  return 15_000
}

/** Altegio allows 5 requests a second per IP (src/api/rateLimit.ts keeps to it). */
const RATE_LIMIT = { requests: 5, windowMs: 1000 }
/**
 * The limiter releases a request and the page calls fetch() in the same task; a timer firing a
 * little late on a busy CPU is forgiven this much.
 */
const CLOCK_JITTER_MS = 5

/**
 * When the page itself called fetch() for the API, by its own clock: times Playwright reports in
 * the test process arrive with the jitter of a busy machine (over 150 ms with two workers on two
 * cores), which says nothing of the app's spacing.
 */
async function recordFetchTimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const times: number[] = []
    const original = window.fetch.bind(window)
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (new URL(url, window.location.href).pathname.startsWith('/api/v1/'))
        times.push(performance.now())
      return original(input, init)
    }
    Object.assign(window, { __apiFetchTimes: times })
  })
}

async function showLog(page: Page) {
  await expect(logTable(page).or(page.getByText(/^No transactions/))).toBeVisible()
}

const COUNTRIES: { option: string; id: number; title: string }[] = [
  { option: 'Russia (RU)', id: 1, title: 'Russia' },
  { option: 'Kazakhstan (KZ)', id: 3, title: 'Kazakhstan' },
  { option: 'France (FR)', id: 56, title: 'France' },
  { option: 'United States (US)', id: 7, title: 'United States' },
  { option: 'Ukraine (UA)', id: 2, title: 'Ukraine' },
]

test('five countries twice and back to the log: each GET once per cache lifetime, never more than 5 requests a second', async ({
  page,
  apiCalls,
}) => {
  await recordFetchTimes(page)
  await page.goto('/sign-in')
  await signInWithTokens(page)
  await choose(page, 'Location', 'Beauty Lab on Tverskaya')
  await showLog(page)
  // Leave once the shift read is done: leaving earlier cancels it, and the next visit rightly
  // reads again what was never cached.
  await expect(page.getByRole('status').filter({ hasText: /^Shift (open|closed)/ })).toBeVisible()

  await page.getByRole('link', { name: 'Tax systems' }).click()
  for (const round of [1, 2]) {
    for (const country of COUNTRIES) {
      await choose(page, 'Country', country.option)
      await expect(page).toHaveURL(new RegExp(`/tax-systems/${country.id}$`))
      await expect(
        page
          .getByRole('heading', { name: `Tax systems of ${country.title}` })
          .or(page.getByText(`No tax systems are registered for ${country.title}`)),
        `round ${round}: ${country.title}`,
      ).toBeVisible()
    }
  }
  await page.getByRole('link', { name: 'Transactions' }).click()
  await expect(page).toHaveURL(/\/locations\/1\/transactions$/)
  await showLog(page)
  await expect(page.getByRole('status').filter({ hasText: /^Shift (open|closed)/ })).toBeVisible()

  const gets = apiCalls.filter((call) => call.method === 'GET')
  // Reference data: one GET per country's tax systems, one for the countries, all session long.
  expect(
    gets.filter((call) => call.url.pathname.includes('/tax_system/')).map((c) => c.url.pathname),
  ).toEqual(COUNTRIES.map((c) => `/api/v1/integration/kkm/references/tax_system/${c.id}`))
  expect(gets.filter((call) => call.url.pathname === '/api/v1/countries')).toHaveLength(1)

  // No GET is repeated while its answer is still fresh. A request cancelled before its answer
  // came (the page was left while it ran) left nothing in the cache, so asking again is right.
  const repeats: string[] = []
  const answered = new Map<string, ApiCall>()
  for (const call of gets) {
    const key = `${call.url.pathname}${call.url.search}`
    const before = answered.get(key)
    if (before && call.at - before.at < cacheLifetimeMs(call))
      repeats.push(`${key} again after ${call.at - before.at} ms`)
    if (call.outcome !== 'failed') answered.set(key, call)
  }
  expect(repeats, 'GETs repeated within their cache lifetime').toEqual([])

  // Never more than 5 requests started within any 1-second window (one document: one clock).
  const times = await page.evaluate(
    () => (window as unknown as { __apiFetchTimes: number[] }).__apiFetchTimes,
  )
  expect(times, 'every API request went through fetch()').toHaveLength(apiCalls.length)
  const bursts: string[] = []
  for (let i = RATE_LIMIT.requests; i < times.length; i++) {
    const span = (times[i] ?? 0) - (times[i - RATE_LIMIT.requests] ?? 0)
    if (span < RATE_LIMIT.windowMs - CLOCK_JITTER_MS)
      bursts.push(
        `${RATE_LIMIT.requests + 1} requests within ${Math.round(span)} ms (call ${i + 1})`,
      )
  }
  expect(bursts, 'more than 5 API requests in a second').toEqual([])
  expect(apiCalls.length).toBeGreaterThan(8)
})
