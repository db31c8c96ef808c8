import { expect, startSignedIn, test } from './support/fixtures'
import { startInLanguage, TILL_VIEWPORTS } from './support/till'
import type { Locale } from '../src/preferences/store'

/**
 * A day typed into the log's From field lands as typed (#13.2): key by key, in the language's
 * own form, at the laptop and the phone. The native date input once put 11152026 into the wrong
 * segments and read the log on every keystroke.
 */

const LOG = '/locations/1/transactions'
const MOSCOW_OFFSET_MS = 3 * 3_600_000

/** A day at Beauty Lab (Moscow, UTC+3 all year), `days` from today there. */
function moscowDay(days: number): string {
  return new Date(Date.now() + MOSCOW_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10)
}

/** The day as a person writes it in each language: written here, not with the app's code. */
const WRITTEN: Record<Locale, { from: string; typed: (isoDay: string) => string }> = {
  en: { from: 'From', typed: (day) => day },
  ru: { from: 'С', typed: (day) => day.split('-').reverse().join('.') },
}

const SCREENS = TILL_VIEWPORTS.filter((viewport) => /laptop 1366|phone/.test(viewport.name))

for (const viewport of SCREENS) {
  for (const locale of ['en', 'ru'] as const) {
    test(`a typed day lands as typed, ${locale}, ${viewport.name}`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height })
      await startInLanguage(page, locale)
      await startSignedIn(page)
      await page.goto(LOG)
      const from = page.getByRole('textbox', { name: WRITTEN[locale].from, exact: true })
      await expect(from).toHaveValue(WRITTEN[locale].typed(moscowDay(0)))

      const day = moscowDay(-3)
      const reads: string[] = []
      page.on('request', (request) => {
        const url = new URL(request.url())
        if (/\/kkm_transactions\/\d+$/.test(url.pathname))
          reads.push(url.searchParams.get('start_date') ?? '')
      })
      await from.click()
      await from.clear()
      await from.pressSequentially(WRITTEN[locale].typed(day), { delay: 30 })
      // Every key where it was typed, and the log not read for a half-typed day.
      await expect(from).toHaveValue(WRITTEN[locale].typed(day))
      // (Today's log, and the shift's 30-day look-back, are read on their own.)
      expect(reads.filter((start) => start !== moscowDay(0) && start !== moscowDay(-30))).toEqual(
        [],
      )
      await from.press('Enter')

      await expect(page).toHaveURL(new RegExp(`[?&]from=${day}&to=${moscowDay(0)}(&|$)`))
      await expect.poll(() => reads.includes(day)).toBe(true)
      await expect(from).toHaveValue(WRITTEN[locale].typed(day))
      await expect(from).toBeInViewport()
    })
  }
}
