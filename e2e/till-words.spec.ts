import { PREFERENCES_KEY } from '../src/preferences/store'
import { DEMO, expect, startSignedIn, test } from './support/fixtures'
import { startInLanguage, TILL_LANGUAGES, TILL_VIEWPORTS } from './support/till'
import type { Page } from '@playwright/test'

/*
 * The till's words (issue #13.7, #13.8) where they meet the screen: a location the API refuses,
 * an empty log, the zone the times are in, in both languages on a phone and a laptop; and the
 * tax cards' slugs, which line up in one column.
 */

const LAPTOP = TILL_VIEWPORTS[0]
const PHONE = TILL_VIEWPORTS[3]

/** The demo cashier (location 1 only), signed in as after a real sign-in (src/session/store.ts). */
async function startAsCashier(page: Page): Promise<void> {
  await page.addInitScript(
    (session) => window.sessionStorage.setItem('kkm.session', JSON.stringify(session)),
    {
      partnerToken: DEMO.partnerToken,
      userToken: 'demo-cashier-token',
      user: { id: 2, name: 'Jack Smith' },
    },
  )
}

const WORDS = {
  en: {
    denied: /^Access denied/,
    notYours: /it is not one of the locations you manage/,
    back: 'Go to your locations',
    print: 'Print receipt',
    export: 'Export CSV',
    emptyToday: 'No transactions yet today.',
    showToday: 'Show today’s log',
    zone: 'KKM transaction log · times in Moscow Standard Time',
  },
  ru: {
    denied: /^Доступ запрещён/,
    notYours: /этот филиал не из тех, которыми вы управляете/,
    back: 'К вашим филиалам',
    print: 'Печать чека',
    export: 'Экспорт в CSV',
    emptyToday: 'Сегодня транзакций пока нет.',
    showToday: 'Показать журнал за сегодня',
    zone: 'Журнал транзакций ККМ · часовой пояс: Москва, стандартное время',
  },
} as const

/** Nothing on the page is wider than the screen. */
async function expectNoSideways(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `${what}: nothing scrolls sideways`).toBeLessThanOrEqual(0)
}

for (const locale of TILL_LANGUAGES) {
  const w = WORDS[locale]
  for (const screen of [LAPTOP, PHONE]) {
    test(`${locale}, ${screen.name}: a refused location, an empty log and the zone's name`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await startInLanguage(page, locale)
      await startAsCashier(page)

      // Location 2 is not the cashier's: one message, the way back, nothing to print or export.
      await page.goto('/locations/2/transactions')
      const main = page.getByRole('main')
      const alert = main.getByRole('alert').filter({ hasText: w.notYours })
      await expect(alert).toBeVisible()
      await expect(alert).toHaveText(w.denied)
      await expect(main.getByRole('alert')).toHaveCount(1)
      await expect(main.getByRole('button', { name: w.print })).toBeDisabled()
      await expect(main.getByRole('button', { name: w.export })).toBeDisabled()
      const back = alert.getByRole('link', { name: w.back })
      await expect(back).toBeInViewport()
      await expectNoSideways(page, `${screen.name}, the 403`)
      await back.click()
      await expect(page).toHaveURL(/\/locations\/1\/transactions$/)

      // Its own location: the zone by name, not as Europe/Moscow.
      await expect(main.getByText(w.zone, { exact: true })).toBeVisible()
      await expect(main.getByText(/Europe\/Moscow/)).toHaveCount(0)

      // A manager's location with nothing today: said so, with no button to the log shown.
      await page.evaluate(() => window.sessionStorage.removeItem('kkm.session'))
      await startSignedIn(page)
      await page.goto('/locations/5/transactions')
      await expect(main.getByText(w.emptyToday, { exact: true })).toBeVisible()
      await expect(main.getByRole('button', { name: w.showToday })).toHaveCount(0)
      await expectNoSideways(page, `${screen.name}, the empty log`)
    })
  }
}

for (const screen of [LAPTOP, PHONE]) {
  test(`${screen.name}: every tax card's slug starts where its rates' slugs do`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height })
    await startSignedIn(page)
    await page.goto('/tax-systems/1')
    const cards = page.getByRole('main').getByRole('region')
    await expect(cards).toHaveCount(6)
    const lefts: number[] = []
    for (let i = 0; i < 6; i++) {
      const card = cards.nth(i)
      // The first code in a card is the system's own slug, above its rates'.
      const own = await card.locator('code').first().boundingBox()
      if (!own) throw new Error(`card ${i}: its slug is not on the screen`)
      lefts.push(own.x)
      const column = await card.getByRole('columnheader', { name: 'Slug' }).boundingBox()
      if (!column) throw new Error(`card ${i}: no slug column`)
      expect(
        Math.abs(own.x - column.x),
        `card ${i}: the system's slug heads its column`,
      ).toBeLessThanOrEqual(2)
    }
    const spread = Math.max(...lefts) - Math.min(...lefts)
    expect(spread, 'the slugs of all six cards start at one x').toBeLessThanOrEqual(1)
    await expectNoSideways(page, `${screen.name}, tax systems`)
  })
}

/** Where the log's Refresh button ends, against the right-hand end of its toolbar. */
async function refreshGap(page: Page): Promise<number> {
  const toolbar = await page.getByRole('main').getByRole('search').boundingBox()
  const refresh = await page.getByRole('button', { name: 'Refresh' }).boundingBox()
  if (!toolbar || !refresh) throw new Error('the toolbar or its Refresh is not on the screen')
  return toolbar.x + toolbar.width - (refresh.x + refresh.width)
}

for (const screen of [LAPTOP, PHONE]) {
  test(`${screen.name}: Refresh keeps one place, the toolbar's end, with and without cashier mode`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height })
    await startSignedIn(page)
    await page.goto('/locations/1/transactions')
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible()
    expect(Math.abs(await refreshGap(page)), 'Refresh ends the toolbar').toBeLessThanOrEqual(1)

    await page.evaluate((key) => {
      const stored = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      window.localStorage.setItem(key, JSON.stringify({ ...stored, cashierMode: true }))
    }, PREFERENCES_KEY)
    await page.reload()
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0)
    expect(
      Math.abs(await refreshGap(page)),
      'in cashier mode too, without Export before it',
    ).toBeLessThanOrEqual(1)
  })
}
