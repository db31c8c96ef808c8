import { mkdirSync } from 'node:fs'
import { en, type Messages } from '../src/i18n/messages/en'
import { ru } from '../src/i18n/messages/ru'
import { PREFERENCES_KEY, type Locale } from '../src/preferences/store'
import { expect, isoDay, startSignedIn, test } from './support/fixtures'
import { startInLanguage, TILL_LANGUAGES, TILL_VIEWPORTS, type TillViewport } from './support/till'
import type { Locator, Page } from '@playwright/test'

/**
 * Issue #13.1: the log fits the screen it is on. On each of the till's screens and in both
 * languages (Russian words are longer), the first printable row's sum, status and print action
 * are inside the viewport with nothing scrolled sideways, and its document number is whole.
 *
 * `TILL_SCREENSHOTS=1` also writes the tablet's and the phone's log to docs/screenshots/ (CI
 * leaves them as committed).
 */
const CATALOGUES: Record<Locale, Messages> = { en, ru }
const SHOTS = process.env.TILL_SCREENSHOTS === '1'
const LOG = `/locations/1/transactions?from=${isoDay(-27)}&to=${isoDay()}&size=25`

async function openLog(
  page: Page,
  viewport: TillViewport,
  locale: Locale,
  cashierMode = false,
  path = LOG,
) {
  await page.setViewportSize({ width: viewport.width, height: viewport.height })
  await startSignedIn(page)
  await startInLanguage(page, locale)
  if (cashierMode)
    await page.addInitScript((key) => {
      const stored = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      window.localStorage.setItem(key, JSON.stringify({ ...stored, cashierMode: true }))
    }, PREFERENCES_KEY)
  await page.goto(path)
  // The page's one table (its name is in the language shown).
  const table = page.getByRole('main').getByRole('table')
  await expect(table).toBeVisible()
  const t = CATALOGUES[locale]
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: t.table.printFor('') }) })
    .first()
  await expect(row).toBeVisible()
  return { table, row, t }
}

/** The whole box is inside the viewport (the row scrolled into view vertically first). */
async function expectInViewport(page: Page, part: Locator, what: string) {
  const box = await part.boundingBox()
  const viewport = page.viewportSize()
  if (!box || !viewport) throw new Error(`${what}: no box`)
  expect(box.width, `${what} has a width`).toBeGreaterThan(0)
  expect(box.x, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, `${what} ends inside the viewport`).toBeLessThanOrEqual(viewport.width)
  expect(box.y, `${what} is below the top`).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, `${what} is above the bottom`).toBeLessThanOrEqual(viewport.height)
}

async function expectFits(page: Page, row: Locator, t: Messages) {
  await row.scrollIntoViewIfNeeded()
  const cells = row.getByRole('cell')
  // The cells keep the header's order in every layout: 3 the sum, 4 the status.
  await expectInViewport(page, cells.nth(3), 'the sum')
  await expectInViewport(page, cells.nth(4).locator('span').first(), 'the status')
  await expectInViewport(
    page,
    row.getByRole('button', { name: t.table.printFor('') }),
    'the print action',
  )
  const sideways = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(sideways.scrollWidth, 'nothing scrolls sideways').toBeLessThanOrEqual(sideways.clientWidth)
  // The document's number is on one line, inside its cell and not cut: the type is what wraps.
  const number = await cells.nth(2).evaluate((cell) => {
    const text = cell.textContent ?? ''
    const node = cell.querySelector('span')?.firstChild
    if (!node) return null
    const range = document.createRange()
    range.setStart(node, text.lastIndexOf('#'))
    range.setEnd(node, text.length)
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0)
    const box = cell.getBoundingClientRect()
    const first = rects[0]
    return {
      text: text.slice(text.lastIndexOf('#')),
      lines: rects.length,
      inside:
        first !== undefined &&
        first.left >= box.left - 0.5 &&
        first.right <= box.right + 0.5 &&
        first.bottom <= box.bottom + 0.5,
    }
  })
  expect(number?.text).toMatch(/^#\d+$/)
  expect(number?.lines, 'the number is on one line').toBe(1)
  expect(number?.inside, 'the number is inside its cell').toBe(true)
}

/** No scroll box of its own around the table: the page scrolls, the pagination follows it. */
async function expectNoNestedScroller(table: Locator) {
  const scroller = await table.evaluate((element) => {
    for (
      let node = element.parentElement;
      node && node !== document.body;
      node = node.parentElement
    ) {
      const { overflowY } = getComputedStyle(node)
      if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
        return node.tagName
    }
    return null
  })
  expect(scroller, 'no scroller between the table and the page').toBeNull()
}

function shot(page: Page, name: string) {
  if (!SHOTS) return Promise.resolve()
  mkdirSync('docs/screenshots', { recursive: true })
  return page.screenshot({ path: `docs/screenshots/${name}.png` })
}

const SCREEN_NAMES: Partial<Record<TillViewport['name'], string>> = {
  'tablet 800×1280': 'log-tablet',
  'phone 390×844': 'log-phone',
}

test.describe('the log fits its screen', () => {
  for (const viewport of TILL_VIEWPORTS)
    for (const locale of TILL_LANGUAGES)
      test(`${viewport.name}, ${locale}: sum, status and print in view, nothing sideways`, async ({
        page,
      }) => {
        const { table, row, t } = await openLog(page, viewport, locale)
        await expectFits(page, row, t)
        await expectNoNestedScroller(table)
        const name = SCREEN_NAMES[viewport.name]
        if (name) {
          // The tablet from the top (filters and log), the phone from the log's first rows.
          if (viewport.width < 500) await table.evaluate((element) => element.scrollIntoView())
          else await page.evaluate(() => window.scrollTo(0, 0))
          await shot(page, `${name}-${locale}`)
        }
      })

  const tablet = TILL_VIEWPORTS.find((viewport) => viewport.width === 800)
  if (!tablet) throw new Error('no tablet among the till viewports')
  for (const locale of TILL_LANGUAGES)
    test(`cashier mode on the tablet, ${locale}: the same, with 44 px actions`, async ({
      page,
    }) => {
      const { row, t } = await openLog(page, tablet, locale, true)
      await expectFits(page, row, t)
      const print = await row.getByRole('button', { name: t.table.printFor('') }).boundingBox()
      expect(print?.height ?? 0).toBeGreaterThanOrEqual(44)
      expect(print?.width ?? 0).toBeGreaterThanOrEqual(44)
      await page.evaluate(() => window.scrollTo(0, 0))
      await shot(page, `log-tablet-cashier-${locale}`)
    })
})

test.describe('the log by touch and by page', () => {
  test('a tap on a phone row opens its details; its print button prints instead', async ({
    page,
  }) => {
    const phone = TILL_VIEWPORTS.find((viewport) => viewport.width === 390)
    if (!phone) throw new Error('no phone among the till viewports')
    const { row } = await openLog(page, phone, 'en')
    const id = await rowId(row)
    await row.getByRole('cell').nth(3).click()
    await expect(page.getByRole('dialog', { name: `Transaction ${id}` })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await row.getByRole('button', { name: en.table.printFor('') }).click()
    await expect(page.getByRole('dialog', { name: 'Print receipt' })).toBeVisible()
    await expect(page.getByRole('dialog', { name: `Transaction ${id}` })).toHaveCount(0)
  })

  test('the pagination is reachable below the rows, and a new page starts at the top', async ({
    page,
  }) => {
    const laptop = TILL_VIEWPORTS[0]
    const { table } = await openLog(page, laptop, 'en')
    await expectNoNestedScroller(table)
    const next = page.getByRole('button', { name: en.log.page(2) })
    await next.scrollIntoViewIfNeeded()
    await expect(next).toBeInViewport()
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
    await next.click()
    await expect(page).toHaveURL(/[?&]page=2(&|$)/)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
  })
})

test.describe('the log draws its rows once', () => {
  // Issue #14: rows drawn before the table knew where it sat were all moved (and laid out) again
  // a moment later; on 10,000 rows that second pass was a third of the time to usable. Now the
  // first render draws the rows where they belong, and measuring the table only adds to them.
  for (const viewport of [TILL_VIEWPORTS[0], TILL_VIEWPORTS[3]])
    test(`${viewport.name}: no row moves or is redrawn while the log loads`, async ({ page }) => {
      await page.addInitScript(() => {
        const counts = { added: 0, moved: 0, removed: 0 }
        Object.assign(window, { kkmRowChanges: counts })
        const isRow = (node: Node) => node instanceof Element && node.hasAttribute('data-row-id')
        // A row comes on its own, or inside the table as React inserts it whole; each row
        // element counts once, however many records name it or a subtree around it.
        const seen = new WeakSet<Element>()
        const rowsIn = (node: Node): Element[] =>
          !(node instanceof Element)
            ? []
            : isRow(node)
              ? [node]
              : [...node.querySelectorAll('[data-row-id]')]
        new MutationObserver((records) => {
          for (const record of records) {
            if (record.type === 'attributes' && isRow(record.target)) counts.moved++
            for (const node of record.addedNodes)
              for (const row of rowsIn(node)) {
                if (seen.has(row)) continue
                seen.add(row)
                counts.added++
              }
            for (const node of record.removedNodes) counts.removed += rowsIn(node).length
          }
        }).observe(document, { subtree: true, childList: true, attributes: true })
      })
      const { table } = await openLog(page, viewport, 'en')
      const drawn = await table.locator('[data-row-id]').count()
      const changes = await page.evaluate(
        () => (window as unknown as { kkmRowChanges: Record<string, number> }).kkmRowChanges,
      )
      expect(changes).toEqual({ added: drawn, moved: 0, removed: 0 })
    })
})

/** The transaction id a row stands for, from its Details button's name. */
async function rowId(row: Locator): Promise<number> {
  const label = await row
    .getByRole('button', { name: /^Details of transaction \d+$/ })
    .getAttribute('aria-label')
  return Number(/\d+$/.exec(label ?? '')?.[0])
}

/**
 * Issue #13.9: the live log reads itself every 45 s (the page's clock is moved on to it). The
 * next read brings NEW rows newer than any shown; they sort above the others, newest first.
 */
const NEW = 3

async function openLiveLog(page: Page) {
  let extra = false
  await page.route(
    (url) => url.pathname.endsWith('/kkm_transactions/1'),
    async (route) => {
      const response = await route.fetch()
      const body = (await response.json()) as {
        data: { id: number; print_date: string }[]
        meta?: { count?: number }
      }
      const [newest] = body.data
      if (extra && newest) {
        const top = Math.max(...body.data.map((transaction) => transaction.id))
        const added = Array.from({ length: NEW }, (_, n) => ({
          ...newest,
          id: top + NEW - n,
          print_date: new Date(Date.parse(newest.print_date) + (NEW - n) * 1000).toISOString(),
        }))
        body.data = [...added, ...body.data]
        if (body.meta?.count !== undefined) body.meta.count += NEW
      }
      await route.fulfill({ response, json: body })
    },
  )
  await page.clock.install()
  const laptop = TILL_VIEWPORTS[1]
  const { table } = await openLog(page, laptop, 'en', false, LOG.replace('size=25', 'size=100'))
  const rowCount = Number(await table.getAttribute('aria-rowcount'))
  return {
    table,
    /** Moves the page's clock past the live interval, with new rows on the server. */
    async nextRead() {
      extra = true
      await page.clock.fastForward(46_000)
      await expect(table).toHaveAttribute('aria-rowcount', String(rowCount + NEW))
    },
  }
}

/** The row just below the sticky header, and where it is on the screen. */
async function firstRowInView(page: Page): Promise<{ id: number; top: number }> {
  return page.evaluate(() => {
    const head = document.querySelector('[data-testid="transaction-scroll"] [role="rowgroup"]')
    const box = head?.getBoundingClientRect()
    if (!box) throw new Error('no header')
    const row = document
      .elementFromPoint(box.left + 10, Math.max(0, box.bottom) + 2)
      ?.closest<HTMLElement>('[data-row-id]')
    if (!row) throw new Error('no row under the header')
    return { id: Number(row.dataset.rowId), top: Math.round(row.getBoundingClientRect().top) }
  })
}

test.describe('new rows of the live log', () => {
  test('do not move the row the cashier is reading, further down the log', async ({ page }) => {
    const live = await openLiveLog(page)
    await page.evaluate(() => window.scrollTo(0, 900))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(900)
    const before = await firstRowInView(page)
    await live.nextRead()
    await expect.poll(() => firstRowInView(page)).toEqual(before)
  })

  test('come in above the first row when the cashier is at the very top', async ({ page }) => {
    const live = await openLiveLog(page)
    const first = await firstRowInView(page)
    await live.nextRead()
    await expect(live.table.getByRole('row').nth(1)).not.toHaveAttribute(
      'data-row-id',
      String(first.id),
    )
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    const now = await firstRowInView(page)
    expect(now.id, 'a new row is first').toBeGreaterThan(first.id)
  })
})
