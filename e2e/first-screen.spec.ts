import { en, type Messages } from '../src/i18n/messages/en'
import { ru } from '../src/i18n/messages/ru'
import { APP_YCLIENTS } from './support/env'
import { expect, isoDay, setScenario, startSignedIn, test } from './support/fixtures'
import type { Page } from '@playwright/test'

/**
 * The first screen before the JavaScript (scripts/first-screen.ts): painted from index.html and
 * its small script alone, in the chosen language, colour scheme and product, then replaced by the
 * app without a layout shift.
 */

/** The app's own chunks never arrive: what shows is what index.html paints by itself. */
async function withoutTheApp(page: Page): Promise<void> {
  await page.route(/\/assets\/(?!first-screen-).*\.js$/, (route) => route.abort())
}

async function remember(page: Page, preferences: unknown): Promise<void> {
  await page.addInitScript(
    (value) => {
      window.localStorage.setItem('kkm.preferences', value)
    },
    typeof preferences === 'string' ? preferences : JSON.stringify(preferences),
  )
}

const intro = (words: Messages, product: string) => words.signIn.intro(product)

test('the sign-in page paints from the HTML alone, in English and the light scheme by default', async ({
  page,
}) => {
  await withoutTheApp(page)
  await page.goto('/sign-in')
  const screen = page.locator('.kkm-fs')
  await expect(screen).toHaveAttribute('aria-busy', 'true')
  await expect(screen.getByRole('heading', { level: 1, name: en.app.name })).toBeVisible()
  await expect(screen.locator('.kkm-fs-intro')).toHaveText(intro(en, 'Altegio'), {
    useInnerText: true,
  })
  await expect(screen.getByText(en.signIn.submit, { exact: true })).toBeVisible()
  await expect(screen.getByText(ru.signIn.submit, { exact: true })).toBeHidden()
  // No control in it: nothing to type into that the app would then throw away.
  await expect(screen.locator('input, button, select, textarea, a')).toHaveCount(0)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')
})

test('it loads Intl’s data in a worker of its own, which the server’s policy allows and which ends', async ({
  page,
}) => {
  const refused: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text())
  })
  // Listened for before the page exists: the worker may be done before goto returns.
  const ended = new Promise<string>((resolve) => {
    page.once('worker', (worker) => worker.once('close', () => resolve(worker.url())))
  })
  await page.goto('/sign-in')
  expect(new URL(await ended).pathname).toMatch(/^\/assets\/first-screen-[\w-]+\.js$/)
  await expect(page.getByRole('button', { name: en.signIn.submit, exact: true })).toBeVisible()
  expect(refused, 'no error, no Content-Security-Policy refusal').toEqual([])
})

test('it follows the remembered language and colour scheme, and the product the server names', async ({
  page,
}) => {
  await withoutTheApp(page)
  await remember(page, { locale: 'ru', colorScheme: 'dark' })
  await page.goto(`${APP_YCLIENTS}/sign-in`)
  const screen = page.locator('.kkm-fs')
  await expect(screen.getByRole('heading', { level: 1, name: ru.app.name })).toBeVisible()
  await expect(screen.locator('.kkm-fs-intro')).toHaveText(intro(ru, 'YCLIENTS'), {
    useInnerText: true,
  })
  await expect(screen.locator('.kkm-fs-title [data-l="en"]')).toBeHidden()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
})

test('a signed-in path paints the shell’s frame instead, with the page’s heading where it needs no data', async ({
  page,
}) => {
  await withoutTheApp(page)
  await page.goto('/tax-systems/1')
  await expect(page.locator('.kkm-fs-shell')).toBeVisible()
  await expect(page.locator('.kkm-fs-sign-in')).toBeHidden()
  const frame = page.locator('.kkm-fs-main')
  await expect(frame.getByRole('heading', { level: 1, name: en.taxSystems.title })).toBeVisible()
  await expect(frame.getByText(en.taxSystems.intro)).toBeVisible()
  await expect(frame.locator('.kkm-fs-skeleton')).toBeHidden()
  // A log's heading is its location's name: the frame keeps the skeleton there.
  await page.goto('/locations/1/transactions')
  await expect(frame.getByRole('heading')).toHaveCount(0)
  await expect(frame.locator('.kkm-fs-skeleton')).toBeVisible()
})

test('the frame’s heading is where the page’s own lands, on a phone and a laptop', async ({
  browser,
}) => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ]) {
    const frameOnly = await browser.newPage({ viewport })
    await withoutTheApp(frameOnly)
    await frameOnly.goto('/tax-systems/1')
    const painted = await frameOnly
      .getByRole('heading', { level: 1, name: en.taxSystems.title })
      .boundingBox()
    // The paragraph, not the language's span inside it (an inline box is the text's own).
    const introPainted = await frameOnly.locator('.kkm-fs-page-intro:visible').boundingBox()
    await frameOnly.close()

    const app = await browser.newPage({ viewport })
    await startSignedIn(app)
    await app.goto('/tax-systems/1')
    const heading = app.getByRole('main').getByRole('heading', { level: 1 })
    await expect(heading).toHaveText(en.taxSystems.title)
    await expect(app.locator('.kkm-fs')).toHaveCount(0)
    const rendered = await heading.boundingBox()
    const introRendered = await app.getByRole('main').getByText(en.taxSystems.intro).boundingBox()
    await app.close()
    for (const [before, after] of [
      [painted, rendered],
      [introPainted, introRendered],
    ]) {
      expect(before, `painted at ${viewport.width} px`).not.toBeNull()
      expect(
        Math.abs((before?.y ?? 0) - (after?.y ?? 0)),
        `y at ${viewport.width} px`,
      ).toBeLessThanOrEqual(1)
      expect(
        Math.abs((before?.x ?? 0) - (after?.x ?? 0)),
        `x at ${viewport.width} px`,
      ).toBeLessThanOrEqual(1)
      expect(
        Math.abs((before?.height ?? 0) - (after?.height ?? 0)),
        `height at ${viewport.width} px`,
      ).toBeLessThanOrEqual(1)
    }
  }
})

test('a returning cashier’s log paints its last heading from the HTML, where the app’s lands, and nothing moves', async ({
  browser,
}) => {
  // A month, not the default today: before 09:00 at the location, its today has no rows yet.
  const LOG = `/locations/4/transactions?from=${isoDay(-27)}&to=${isoDay()}`
  for (const { cashierMode, ...viewport } of [
    { width: 390, height: 844, cashierMode: false },
    { width: 1366, height: 900, cashierMode: false },
    // The till's tablet, where cashier mode makes every size a quarter larger.
    { width: 800, height: 1280, cashierMode: true },
  ]) {
    // The log as the app draws it, which the browser then remembers.
    const app = await browser.newPage({ viewport })
    await startSignedIn(app)
    if (cashierMode) await remember(app, { cashierMode })
    await app.goto(LOG)
    await expect(app.getByRole('table', { name: /^KKM transactions of / })).toBeVisible()
    const heading = app.getByRole('main').getByRole('heading', { level: 1 })
    const title = (await heading.textContent()) ?? ''
    const rendered = await heading.boundingBox()
    const introRendered = await app
      .getByRole('main')
      .getByText(/^KKM transaction log · /)
      .boundingBox()
    const remembered = await app.evaluate(() => window.localStorage.getItem('kkm.preferences'))
    await app.close()
    expect(JSON.parse(remembered ?? '{}')).toMatchObject({
      logHeading: { locationId: 4, locale: 'en', title },
    })

    const frameOnly = await browser.newPage({ viewport })
    await withoutTheApp(frameOnly)
    await remember(frameOnly, remembered)
    await frameOnly.goto(LOG)
    const frame = frameOnly.locator('.kkm-fs-main')
    await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(frame.locator('.kkm-fs-skeleton')).toBeHidden()
    const painted = await frame.getByRole('heading', { level: 1 }).boundingBox()
    const introPainted = await frame.getByText(/^KKM transaction log · /).boundingBox()
    // Another location's log, or this one in the other language, keeps the skeleton.
    await frameOnly.goto('/locations/1/transactions')
    await expect(frame.getByRole('heading')).toHaveCount(0)
    await expect(frame.locator('.kkm-fs-skeleton')).toBeVisible()
    await frameOnly.close()
    for (const [before, after] of [
      [painted, rendered],
      [introPainted, introRendered],
    ])
      for (const side of ['x', 'y', 'height'] as const)
        expect(
          Math.abs((before?.[side] ?? -99) - (after?.[side] ?? 0)),
          `${side} at ${viewport.width} px`,
        ).toBeLessThanOrEqual(1)

    // Again with the app, on a slow network: the heading stays while the locations load.
    await setScenario({ latencyMs: 400 })
    const again = await browser.newPage({ viewport })
    await startSignedIn(again)
    await remember(again, remembered)
    const shifted = await recordShifts(again)
    await again.goto(LOG)
    await expect(again.getByRole('table', { name: /^KKM transactions of / })).toBeVisible()
    await expect(again.locator('[aria-busy="true"]')).toHaveCount(0)
    expect(await shifted(), `layout shift at ${viewport.width} px`).toBeLessThanOrEqual(0.02)
    await again.close()
    await setScenario({ latencyMs: 0 })
  }
})

test('on a phone, the frame’s header says the locations are loading, where the app’s picker does', async ({
  browser,
}) => {
  const viewport = { width: 390, height: 844 }
  const frameOnly = await browser.newPage({ viewport })
  await withoutTheApp(frameOnly)
  await frameOnly.goto('/locations/1/transactions')
  // The brand gives way on a phone: this is the frame's text there (its first contentful paint).
  const painted = frameOnly.locator('.kkm-fs-header').getByText(en.shell.loadingLocations)
  await expect(painted).toBeVisible()
  const before = await frameOnly.locator('.kkm-fs-picker').boundingBox()
  await frameOnly.close()

  const app = await browser.newPage({ viewport })
  await startSignedIn(app)
  // The locations held back: the app's picker says the same words, in the same place.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await app.route(/\/api\/v1\/companies/, async (route) => {
    await held
    await route.continue()
  })
  await app.goto('/locations/1/transactions')
  const picker = app.getByRole('banner').getByRole('combobox', { name: en.shell.location })
  await expect(picker).toHaveAttribute('placeholder', en.shell.loadingLocations)
  const after = await picker.boundingBox()
  release()
  expect(before).not.toBeNull()
  for (const side of ['x', 'y', 'width', 'height'] as const)
    expect(Math.abs((before?.[side] ?? 0) - (after?.[side] ?? 0)), side).toBeLessThanOrEqual(1)
})

test('unreadable preferences fall back to the defaults without an error', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await withoutTheApp(page)
  await remember(page, '{not json')
  await page.goto('/sign-in')
  await expect(page.locator('.kkm-fs').getByRole('heading', { name: en.app.name })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  // The aborted app chunks fail to load; no error may come from the first screen's script.
  expect(errors.filter((message) => !/module script|dynamically imported/i.test(message))).toEqual(
    [],
  )
})

/** Every layout shift the page makes without input, summed as CLS counts them. */
async function recordShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const shifts: number[] = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number
        hadRecentInput: boolean
      })[])
        if (!entry.hadRecentInput) shifts.push(entry.value)
    }).observe({ type: 'layout-shift', buffered: true })
    Object.assign(window, { __shifts: shifts })
  })
  return () =>
    page.evaluate(() =>
      (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, each) => sum + each, 0),
    )
}

test('the app replaces it in place: one heading, no busy region, no layout shift', async ({
  page,
}) => {
  const shifted = await recordShifts(page)
  await page.goto('/sign-in')
  await expect(page.getByLabel(en.tokens.partner)).toBeVisible()
  await expect(page.locator('.kkm-fs')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  expect(await shifted()).toBeLessThanOrEqual(0.02)
})

test('a page painted half parsed shows nothing of the first screen until all of it has come', async ({
  page,
}) => {
  // The parser stops in the middle of the sign-in card, as on a slow network or a busy CPU, and
  // the browser paints what it has; the card must not be painted half drawn, then grow and move.
  const HELD = '/__held-parse.js'
  let release = () => {}
  const held = new Promise<void>((reached) => {
    void page.route(HELD, async (route) => {
      reached()
      await new Promise<void>((resume) => (release = resume))
      await route.fulfill({ contentType: 'text/javascript', body: '' })
    })
  })
  await page.route('**/sign-in', async (route) => {
    const answer = await route.fetch()
    const html = await answer.text()
    const cut = html.indexOf('</p>', html.indexOf('kkm-fs-intro')) + '</p>'.length
    expect(cut, 'the intro in the sign-in card').toBeGreaterThan('</p>'.length)
    await route.fulfill({
      response: answer,
      body: `${html.slice(0, cut)}<script src="${HELD}"></script>${html.slice(cut)}`,
    })
  })
  const shifted = await recordShifts(page)
  await page.goto('/sign-in', { waitUntil: 'commit' })
  await held
  // Two frames: the half-parsed page has been painted.
  await page.evaluate(
    () => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))),
  )
  await expect(page.locator('.kkm-fs-title')).toBeHidden()
  release()
  await expect(page.getByLabel(en.tokens.partner)).toBeVisible()
  await expect(page.locator('.kkm-fs')).toHaveCount(0)
  expect(await shifted()).toBeLessThanOrEqual(0.02)
})

/** Where the log's heading, the shift's line and the toolbar each wrap differently. */
const SETTLING_SCREENS = [
  { name: 'a small phone', width: 320, height: 640, cashierMode: false, location: 4 },
  { name: 'a phone in cashier mode', width: 390, height: 844, cashierMode: true, location: 4 },
  // A shorter name: the shift's line fits beside it while it loads, and not once it is known.
  {
    name: 'the till’s tablet in cashier mode',
    width: 800,
    height: 1280,
    cashierMode: true,
    location: 1,
  },
]

for (const screen of SETTLING_SCREENS)
  test(`the log settles on ${screen.name} with a slow CPU without moving what it painted`, async ({
    browser,
  }) => {
    // Answers slow enough to come after the first render, as on a salon's mobile network.
    const page = await browser.newPage({
      viewport: { width: screen.width, height: screen.height },
      isMobile: true,
    })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await setScenario({ latencyMs: 400 })
    if (screen.cashierMode) await remember(page, { cashierMode: true })
    const shifted = await recordShifts(page)
    await startSignedIn(page)
    await page.goto(`/locations/${screen.location}/transactions`)
    // Everything that arrives on its own: the location, the rows (if the day has any yet), the shift.
    await expect(
      page
        .getByRole('table', { name: /^KKM transactions of / })
        .or(page.getByText(/^No transactions/)),
    ).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: /^Shift (open|closed)/ })).toBeVisible()
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    expect(await shifted()).toBeLessThanOrEqual(0.02)
    await page.close()
  })
