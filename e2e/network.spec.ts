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
 * Timestamps are taken in the test process when Playwright reports each request, a few
 * milliseconds after the browser started it; this much jitter is forgiven.
 */
const CLOCK_JITTER_MS = 30

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

  // Never more than 5 requests started within any 1-second window.
  const bursts: string[] = []
  for (let i = RATE_LIMIT.requests; i < apiCalls.length; i++) {
    const first = apiCalls[i - RATE_LIMIT.requests]
    const current = apiCalls[i]
    if (first && current && current.at - first.at < RATE_LIMIT.windowMs - CLOCK_JITTER_MS)
      bursts.push(
        `${RATE_LIMIT.requests + 1} requests within ${current.at - first.at} ms, ending with ${current.method} ${current.url.pathname}${current.url.search}`,
      )
  }
  expect(bursts, 'more than 5 API requests in a second').toEqual([])
  expect(apiCalls.length).toBeGreaterThan(8)
})
