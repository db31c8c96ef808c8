import AxeBuilder from '@axe-core/playwright'
import {
  test as base,
  expect,
  type Locator,
  type Page,
  type Request,
  type Response,
} from '@playwright/test'
import { HARNESS_HEADER } from '../../src/mocks/harness'
import { MOCK_API } from './env'
import type { ScenarioPatch } from '../../src/mocks/scenarios'

/** The demo account of the mock API (src/mocks/db.ts). */
export const DEMO = {
  partnerToken: 'demo-partner-token',
  userToken: 'demo-user-token',
  login: '+13155550175',
  password: 'demo-password',
} as const

/** One request the page sent to the API, as the browser started it. */
export interface ApiCall {
  method: string
  url: URL
  /** Milliseconds since the test's page was created. */
  at: number
  /** Whether an answer arrived; `failed` is a dropped or cancelled request (nothing to cache). */
  outcome: 'pending' | 'finished' | 'failed'
  /** The answer's HTTP status, once it arrived. */
  status?: number
}

/** Steers the mock API: a fault, a printer mode, latency, a server profile (or a named one). */
export async function setScenario(
  scenario: ScenarioPatch | { profile: 'harshest' | 'default' },
): Promise<void> {
  const response = await fetch(`${MOCK_API}/__mock/scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(scenario),
  })
  expect(response.ok, 'the mock API accepts the scenario').toBe(true)
}

/**
 * A fresh mock API for each journey, as strict about the rate as the API says it is: a 6th
 * request within a second is refused. Every journey must get through without a refusal.
 */
async function resetMockApi(): Promise<void> {
  const response = await fetch(`${MOCK_API}/__mock/reset`, { method: 'POST' })
  expect(response.ok, 'the mock API resets').toBe(true)
  await setScenario({ profile: { rate: 'strict' } })
}

async function rateRefusals(): Promise<number> {
  const response = await fetch(`${MOCK_API}/__mock/stats`)
  return ((await response.json()) as { rateRefusals: number }).rateRefusals
}

/** Signs in with both tokens from the sign-in page, as a user would. */
export async function signInWithTokens(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'KKM Console', level: 1 })).toBeVisible()
  await page.getByLabel('Partner token').fill(DEMO.partnerToken)
  await page.getByLabel('User token').fill(DEMO.userToken)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Starts the page already signed in, for tests about something else than signing in (axe). It
 * writes the session where the app mirrors it for reloads (src/session/store.ts).
 */
export async function startSignedIn(page: Page): Promise<void> {
  await page.addInitScript(
    (session) => {
      window.sessionStorage.setItem('kkm.session', JSON.stringify(session))
    },
    {
      partnerToken: DEMO.partnerToken,
      userToken: DEMO.userToken,
      user: { id: 1, name: 'Helen Manager' },
    },
  )
}

/** A day as YYYY-MM-DD, `days` from today (UTC). */
export function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

interface MockTransaction {
  id: number
  type: { id: number }
  status: { id: number }
  document: { id: number }
}

/**
 * A sale at location 1 whose receipt failed ("Runtime error") in the last four weeks, read from
 * the mock API's own data: printing it again is legitimate.
 */
export async function failedSale(): Promise<MockTransaction> {
  const query = new URLSearchParams({
    start_date: isoDay(-27),
    end_date: isoDay(1),
    type: '0',
    status: '3',
    editable_length: '100',
  })
  const response = await fetch(`${MOCK_API}/api/v1/kkm_transactions/1?${query}`, {
    headers: {
      Accept: 'application/vnd.api.v2+json',
      Authorization: `Bearer ${DEMO.partnerToken}, User ${DEMO.userToken}`,
      // The harness's read, not the app's: left out of the strict rate window whose refusals the
      // journey counts (it came within the second before the log's first five requests).
      [HARNESS_HEADER]: 'setup',
    },
  })
  const body = (await response.json()) as { data: MockTransaction[] }
  const sale = body.data[0]
  if (!sale) throw new Error('The mock API has no failed sale at location 1 in the last 4 weeks')
  return sale
}

/** The transaction log's table (dialogs hold tables of their own). */
export function logTable(page: Page): Locator {
  return page.getByRole('table', { name: /^KKM transactions of / })
}

/** Picks an option of a Mantine Select by its accessible name. */
export async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: select }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Presses Tab (or Shift+Tab) until the target has the focus, as a keyboard user would. */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 40 }: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  await expect(target).toBeAttached()
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `reachable with ${max} presses of Tab`).toBeFocused({ timeout: 1 })
}

/** WCAG 2.1 A and AA, as the brief asks: every page and every open dialog, zero violations. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * Runs axe on the page as it is (dialogs included) and fails softly, so every checkpoint of a
 * test reports: one line per offending element, `rule [impact] selector: why`.
 */
export async function expectNoA11yViolations(page: Page, what: string): Promise<void> {
  // Let Mantine's transitions (modal, drawer, notification) finish, so axe sees final colours.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running',
      ),
  )
  // Legacy mode runs axe in the page itself instead of opening a second page to merge the results
  // of frames; the console has no frames, and it saves a page per check.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze()
  const found = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const why = (node.any[0] ?? node.all[0] ?? node.none[0])?.message ?? violation.help
      const text = node.html.replace(/\s+/g, ' ').slice(0, 120)
      return `${violation.id} [${violation.impact ?? 'unknown'}] ${node.target.join(' ')}: ${why} — ${text}`
    }),
  )
  expect.soft(found, `axe (WCAG 2.1 A/AA) on ${what}`).toEqual([])
}

interface Fixtures {
  /** Every API request the page starts, in order, with its start time. */
  apiCalls: ApiCall[]
  /** Resets the mock API's database and scenario before each test. */
  freshMockApi: undefined
}

export const test = base.extend<Fixtures>({
  freshMockApi: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      await resetMockApi()
      await use(undefined)
      expect(await rateRefusals(), 'requests the strict rate limit refused').toBe(0)
      await resetMockApi()
    },
    { auto: true },
  ],
  apiCalls: async ({ page }, use) => {
    const calls: ApiCall[] = []
    const byRequest = new Map<Request, ApiCall>()
    const started = Date.now()
    const record = (request: Request) => {
      const url = new URL(request.url())
      if (!url.pathname.startsWith('/api/v1/')) return
      const call: ApiCall = {
        method: request.method(),
        url,
        at: Date.now() - started,
        outcome: 'pending',
      }
      calls.push(call)
      byRequest.set(request, call)
    }
    const settle = (outcome: ApiCall['outcome']) => (request: Request) => {
      const call = byRequest.get(request)
      if (call) call.outcome = outcome
    }
    const finished = settle('finished')
    const failed = settle('failed')
    const answered = (response: Response) => {
      const call = byRequest.get(response.request())
      if (call) call.status = response.status()
    }
    page.on('response', answered)
    page.on('request', record)
    page.on('requestfinished', finished)
    page.on('requestfailed', failed)
    await use(calls)
    page.off('request', record)
    page.off('requestfinished', finished)
    page.off('requestfailed', failed)
    page.off('response', answered)
  },
})

export { expect }

/**
 * Watches the page for the given texts from now on, so a test can tell what was shown, even for a
 * moment, in which order, and what never was. Returns a reader of the texts seen so far, in the
 * order they first appeared.
 */
export async function watchForTexts(page: Page, texts: string[]): Promise<() => Promise<string[]>> {
  await page.evaluate((wanted) => {
    const seen: string[] = []
    const look = () => {
      const text = document.body.textContent ?? ''
      for (const item of wanted) if (!seen.includes(item) && text.includes(item)) seen.push(item)
    }
    look()
    new MutationObserver(look).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    })
    Object.assign(window, { __e2eSeen: seen })
  }, texts)
  return () => page.evaluate(() => [...(window as unknown as { __e2eSeen: string[] }).__e2eSeen])
}

/**
 * Waits until the page has no API request in flight and has started none for `quietMs`: the
 * moment to change the mock's scenario so that only the next action meets it.
 */
export async function untilApiQuiet(calls: ApiCall[], quietMs = 700): Promise<void> {
  let count = -1
  let since = Date.now()
  await expect
    .poll(
      () => {
        if (calls.length !== count || calls.some((call) => call.outcome === 'pending')) {
          count = calls.length
          since = Date.now()
          return false
        }
        return Date.now() - since >= quietMs
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBe(true)
}

/** POSTs that print a receipt: a fiscal act each. */
export function printPosts(calls: ApiCall[]): ApiCall[] {
  return calls.filter(
    (call) => call.method === 'POST' && call.url.pathname.endsWith('/print_document_bill'),
  )
}
