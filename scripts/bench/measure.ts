/** The in-browser measurements of the transaction log, driven by playwright-core. */
import { measureScroll, type FrameStats } from './measure-scroll'
import {
  API_CALL_BINDING,
  DETAILS_SELECTOR,
  DIALOG_SELECTOR,
  NOW_EXPRESSION,
  PAGE_STATE_EXPRESSION,
  RESULT_ROWS_EXPRESSION,
  resourceTimingsExpression,
  ROW_COUNT_EXPRESSION,
  ROW_SELECTOR,
  rowsVisibleProbe,
  TABLE_SELECTOR,
  type ListTiming,
  type PageState,
} from './page-scripts'
import { maxInWindow, minSpan, round } from './stats'
import { withTimeout } from './timeout'
import type { Page, Request } from 'playwright-core'

export type { FrameStats } from './measure-scroll'
export { LONG_FRAME_MS } from './measure-scroll'

export type RenderMode = 'virtual' | 'full'

export interface FailedRun {
  mode: RenderMode
  size: 'all' | 1000
  run: number
  url: string
  error: string
}

export interface LogRun {
  mode: RenderMode
  size: 'all' | 1000
  run: number
  url: string
  /** Navigation start → the last list request's response end (resource timing). */
  dataLoadedMs: number | null
  listRequests: number
  /** Transactions in the result (aria-rowcount − 1). */
  resultRows: number
  /** Navigation start → table painted with its aria-rowcount and first row in view. */
  rowsVisibleMs: number
  /** Navigation start → table visible and the main thread free to handle a click. */
  usableMs: number
  /** Last list response → table visible / → usable: the render share. */
  dataToRowsVisibleMs: number | null
  dataToUsableMs: number | null
  /** Long tasks (> 50 ms) between navigation and usable. */
  longestTaskMs: number | null
  blockingMs: number
  scroll: FrameStats | null
  /** Raw frame intervals of the scroll, 0.1 ms. */
  frameIntervals: number[] | null
  domRows: number
  domNodes: number | null
  jsHeapUsedBytes: number | null
  /** After the scroll: a row's Details click (event time) → the drawer is visible. */
  clickToDrawerMs: number | null
  /** Rows in the DOM with the drawer open (the log keeps `virtual=off` in its URL as it opens). */
  domRowsAfterClick: number
}

export interface ApiRequestRecord {
  /** Wall-clock ms of the request's start, from the browser's network timing. */
  startedAt: number
  method: string
  path: string
  status: number | null
}

/** Watches the page's requests: API calls for the rate-limit check, and any non-local traffic. */
export class RequestLog {
  readonly api: ApiRequestRecord[] = []
  /** Wall-clock ms at which the app called fetch() for /api/v1/ (from INIT_SCRIPT). */
  readonly fetchCalls: { at: number; path: string; document: number }[] = []
  readonly foreignHosts = new Set<string>()
  private inFlight = 0
  private lastApiActivity = 0

  /** Must be awaited before the first navigation. */
  async attach(page: Page): Promise<void> {
    await page.exposeBinding(
      API_CALL_BINDING,
      (_source, url: unknown, at: unknown, document: unknown) => {
        if (typeof at !== 'number' || typeof url !== 'string' || typeof document !== 'number')
          return
        const parsed = new URL(url, 'http://127.0.0.1')
        this.fetchCalls.push({ at, path: parsed.pathname + parsed.search, document })
      },
    )
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1')
        this.foreignHosts.add(url.host)
      if (this.isApi(request)) {
        this.inFlight += 1
        this.lastApiActivity = Date.now()
      }
    })
    const done = (request: Request, status: number | null) => {
      if (!this.isApi(request)) return
      this.inFlight = Math.max(0, this.inFlight - 1)
      this.lastApiActivity = Date.now()
      const url = new URL(request.url())
      const timing = request.timing()
      this.api.push({
        startedAt: timing.startTime > 0 ? timing.startTime : Date.now(),
        method: request.method(),
        path: url.pathname + url.search,
        status,
      })
    }
    page.on('requestfinished', (request) => {
      void request
        .response()
        .then((response) => done(request, response?.status() ?? null))
        .catch(() => done(request, null))
    })
    page.on('requestfailed', (request) => done(request, null))
  }

  private isApi(request: Request): boolean {
    return new URL(request.url()).pathname.startsWith('/api/v1/')
  }

  /** Waits until no API request is in flight and none has started for `quietMs` (at most 20 s). */
  async quiet(quietMs: number): Promise<void> {
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      if (this.inFlight === 0 && Date.now() - this.lastApiActivity >= quietMs) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  summary() {
    const starts = this.api.map((record) => record.startedAt)
    const calls = this.fetchCalls.map((call) => call.at)
    const documents = new Map<number, number[]>()
    for (const call of this.fetchCalls)
      documents.set(call.document, [...(documents.get(call.document) ?? []), call.at])
    const perDocument = [...documents.values()]
    const spans = perDocument
      .map((times) => minSpan(times, 5))
      .filter((span): span is number => span !== null)
    // The five calls after the start of the tightest window, for a look at what crowded it.
    const sorted = [...this.fetchCalls].sort((a, b) => a.at - b.at)
    let tightest: { at: number; path: string; document: number }[] = []
    for (let i = 0; i + 5 < sorted.length; i++) {
      const window = sorted.slice(i, i + 6)
      const span = (window[5]?.at ?? 0) - (window[0]?.at ?? 0)
      const best = (tightest[5]?.at ?? Infinity) - (tightest[0]?.at ?? 0)
      if (span < best) tightest = window
    }
    const origin = tightest[0]?.at ?? 0
    const byPath = new Map<string, number>()
    for (const record of this.api) {
      const path = record.path.split('?')[0] ?? record.path
      const key = `${record.method} ${path.replace(/\/\d+$/, '/{id}')}`
      byPath.set(key, (byPath.get(key) ?? 0) + 1)
    }
    return {
      total: this.api.length,
      /** By the app's fetch() calls: what its rate limiter controls. */
      fetchCalls: calls.length,
      /** Within one page load, the limiter's scope. */
      maxInAnySecond: Math.max(0, ...perDocument.map((times) => maxInWindow(times, 1_000))),
      /** Shortest time from a call to the 5th after it in one page load: ≥ 1000 ms if the limiter held. */
      minSpanOf6Ms: round(spans.length > 0 ? Math.min(...spans) : null, 1),
      /** The same with a 5 ms window less, i.e. forgiving the few ms between the limiter's slot and the call. */
      maxInAnySecondLess5Ms: Math.max(0, ...perDocument.map((times) => maxInWindow(times, 995))),
      pageLoads: perDocument.length,
      /** Across the whole session, page loads included. */
      session: {
        maxInAnySecond: maxInWindow(calls, 1_000),
        minSpanOf6Ms: round(minSpan(calls, 5), 1),
        tightestWindow: tightest.map((call) => ({
          ms: round(call.at - origin, 1),
          samePageLoad: call.document === tightest[0]?.document,
          path: call.path,
        })),
      },
      /** The same by the browser's network start times, which lag the calls by a few ms. */
      network: {
        maxInAnySecond: maxInWindow(starts, 1_000),
        minSpanOf6Ms: round(minSpan(starts, 5), 1),
      },
      failedOrNon2xx: this.api
        .filter((r) => r.status === null || r.status >= 400)
        .map((r) => `${r.method} ${r.path.split('?')[0]} → ${r.status ?? 'no response'}`),
      byEndpoint: Object.fromEntries([...byPath].sort((a, b) => b[1] - a[1])),
      foreignHosts: [...this.foreignHosts],
    }
  }
}

async function evalNumber(page: Page, expression: string): Promise<number> {
  const value: unknown = await page.evaluate(expression)
  if (typeof value !== 'number') throw new Error(`expected a number from ${expression.trim()}`)
  return value
}

function isListTiming(value: unknown): value is ListTiming {
  return (
    typeof value === 'object' &&
    value !== null &&
    'url' in value &&
    'startTime' in value &&
    'responseEnd' in value
  )
}

function isPageState(value: unknown): value is PageState {
  return typeof value === 'object' && value !== null && 'longTasks' in value && 'clickAt' in value
}

export interface LogRunOptions {
  base: string
  locationId: number
  from: string
  to: string
  size: 'all' | 1000
  mode: RenderMode
  run: number
  /** aria-rowcount that counts as "the whole result is there". */
  minRowCount: number
  scrollStep: number | null
  scrollLimitMs: number
  /** How long the table may take to appear (the non-virtual 10,000 rows take a while). */
  visibleTimeoutMs: number
}

export function logUrl(options: LogRunOptions): string {
  const params = new URLSearchParams({
    from: options.from,
    to: options.to,
    size: String(options.size),
  })
  if (options.mode === 'full') params.set('virtual', 'off')
  return `/locations/${options.locationId}/transactions?${params}`
}

/**
 * One page load of the log: navigation → rows visible → click a row's Details → drawer open;
 * then (optionally) the scroll from top to bottom, DOM size and heap.
 */
export async function measureLogRun(page: Page, options: LogRunOptions): Promise<LogRun> {
  const url = `${options.base}${logUrl(options)}`

  await page.goto(url, { waitUntil: 'commit', timeout: 30_000 })
  // Playwright's own timeout cannot fire while the page's main thread is stuck in one long
  // render, so the bench keeps its own clock too.
  const visible = await withTimeout(
    page.waitForFunction(
      rowsVisibleProbe,
      { min: options.minRowCount, table: TABLE_SELECTOR, row: ROW_SELECTOR },
      { polling: 'raf', timeout: options.visibleTimeoutMs },
    ),
    options.visibleTimeoutMs + 2_000,
    'the table',
  )
  const rowsVisibleMs: unknown = await visible.jsonValue()
  await visible.dispose()
  if (typeof rowsVisibleMs !== 'number') throw new Error('rows-visible probe gave no time')
  // A task of our own on the page's main thread: it runs once the render work that showed the
  // table (and whatever it queued right after) has let go, i.e. when a click would be handled.
  const usableMs = await withTimeout(evalNumber(page, NOW_EXPRESSION), 120_000, 'the main thread')

  const timings: unknown = await page.evaluate(
    resourceTimingsExpression(`/api/v1/kkm_transactions/${options.locationId}`),
  )
  const lists = (Array.isArray(timings) ? timings : [])
    .filter(isListTiming)
    // The shift status reads single rows filtered by type; the list itself has no type filter.
    .filter((timing) => !new URL(timing.url).searchParams.has('type'))
  const dataLoadedMs =
    lists.length > 0 ? Math.max(...lists.map((timing) => timing.responseEnd)) : null

  let scroll: FrameStats | null = null
  let frameIntervals: number[] | null = null
  if (options.scrollStep !== null)
    ({ scroll, frameIntervals } = await measureScroll(
      page,
      options.scrollStep,
      options.scrollLimitMs,
    ))

  const domRows = await evalNumber(page, ROW_COUNT_EXPRESSION)
  const resultRows = await evalNumber(page, RESULT_ROWS_EXPRESSION)
  const cdp = await page.context().newCDPSession(page)
  let domNodes: number | null = null
  let jsHeapUsedBytes: number | null = null
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    jsHeapUsedBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null
    domNodes = metrics.find((m) => m.name === 'Nodes')?.value ?? null
  } finally {
    await cdp.detach().catch(() => undefined)
  }

  // Last: the drawer is a measurement of its own, after the scroll and the DOM count.
  await page.locator(DETAILS_SELECTOR).first().click({ timeout: 120_000 })
  await page.locator(DIALOG_SELECTOR).first().waitFor({ state: 'visible', timeout: 120_000 })
  const drawerMs = await evalNumber(page, NOW_EXPRESSION)
  const domRowsAfterClick = await evalNumber(page, ROW_COUNT_EXPRESSION)

  const state: unknown = await page.evaluate(PAGE_STATE_EXPRESSION)
  if (!isPageState(state)) throw new Error('the bench init script did not run')
  const tasks = state.longTasks.filter((task) => task.start < usableMs)

  return {
    mode: options.mode,
    size: options.size,
    run: options.run,
    url: url.slice(options.base.length),
    dataLoadedMs: round(dataLoadedMs),
    listRequests: lists.length,
    resultRows,
    rowsVisibleMs: round(rowsVisibleMs) ?? rowsVisibleMs,
    usableMs: round(usableMs) ?? usableMs,
    dataToRowsVisibleMs: dataLoadedMs === null ? null : round(rowsVisibleMs - dataLoadedMs),
    dataToUsableMs: dataLoadedMs === null ? null : round(usableMs - dataLoadedMs),
    longestTaskMs: round(tasks.length > 0 ? Math.max(...tasks.map((t) => t.duration)) : null),
    blockingMs: Math.round(tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0)),
    scroll,
    frameIntervals,
    domRows,
    domNodes,
    jsHeapUsedBytes,
    clickToDrawerMs: state.clickAt === null ? null : round(drawerMs - state.clickAt),
    domRowsAfterClick,
  }
}

/** Signs in through the form, as a user would. */
export async function signIn(page: Page, base: string, tokens: { partner: string; user: string }) {
  await page.goto(`${base}/sign-in`, { waitUntil: 'domcontentloaded', timeout: 30_000 })
  await page.getByLabel('Partner token').fill(tokens.partner, { timeout: 30_000 })
  await page.getByLabel('User token').fill(tokens.user)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 30_000 })
}
