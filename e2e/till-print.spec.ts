import { en } from '../src/i18n/messages/en'
import { ru } from '../src/i18n/messages/ru'
import {
  expect,
  failedSale,
  printPosts,
  setScenario,
  startSignedIn,
  test,
} from './support/fixtures'
import { startInLanguage, TILL_LANGUAGES, TILL_VIEWPORTS } from './support/till'
import type { Locale } from '../src/preferences/store'

/**
 * Issue #13.4 at the till: the print dialog says what is true. A return for a document whose
 * sale never printed is warned of; a print being sent can only be hidden, never "cancelled",
 * and it carries on to its toast. On the tablet in both languages (the words are the point),
 * and on the phone in one (the layout is).
 */
const CATALOGUES = { en, ru } as const
const screenNamed = (name: string) => {
  const found = TILL_VIEWPORTS.find((viewport) => viewport.name.startsWith(name))
  if (!found) throw new Error(`no till viewport ${name}`)
  return found
}
const RUNS: { locale: Locale; screen: (typeof TILL_VIEWPORTS)[number] }[] = [
  ...TILL_LANGUAGES.map((locale) => ({ locale, screen: screenNamed('tablet') })),
  { locale: 'en', screen: screenNamed('phone') },
]

for (const { locale, screen } of RUNS) {
  test(`${screen.name}, ${locale}: a return without a sale is warned of; Hide leaves the print running`, async ({
    page,
    apiCalls,
  }) => {
    const t = CATALOGUES[locale]
    const p = t.print
    await page.setViewportSize({ width: screen.width, height: screen.height })
    await startInLanguage(page, locale)
    await startSignedIn(page)
    // A sale whose receipt failed: nothing was sold on the register for its document.
    const sale = await failedSale()
    await page.goto('/locations/1/transactions')

    const opener = page.getByRole('button', { name: t.log.printReceipt, exact: true })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: p.title })
    const field = dialog.getByRole('textbox', { name: p.documentId })
    await expect(field).toBeFocused()
    await field.fill(String(sale.document.id))
    const print = dialog.getByRole('button', { name: p.print, exact: true })

    // A return of it would return a sale the register never printed.
    await dialog.locator('label', { hasText: p.saleReturn }).click()
    const warning = dialog.getByRole('alert').filter({ hasText: p.noSaleTitle })
    await expect(warning).toBeVisible({ timeout: 15_000 })
    await expect(warning.getByRole('checkbox', { name: p.printReturnAnyway })).toBeVisible()
    await expect(print).toBeDisabled()

    // The sale itself may be printed again (it failed); Enter in the field moves on to Print.
    await dialog.locator('label', { hasText: new RegExp(`^${p.sale}$`) }).click()
    await expect(warning).toBeHidden()
    await field.press('Enter')
    await expect(print).toBeFocused({ timeout: 15_000 })

    // Slow enough to see the print being sent.
    await setScenario({ latencyMs: 1_500 })
    await print.click()
    const hide = dialog.getByRole('button', { name: p.hide, exact: true })
    await expect(hide).toBeVisible()
    await expect(dialog.getByRole('button', { name: t.common.cancel, exact: true })).toHaveCount(0)
    await expect(dialog).toContainText(p.carriesOn)
    await hide.click()
    await expect(dialog).toBeHidden()
    await expect(opener).toBeFocused()
    await setScenario({ latencyMs: 0 })

    // Hidden, it still ends in a toast; and it was sent once.
    const toast = page.getByRole('alert').filter({ hasText: p.printedTitle })
    await expect(toast).toBeVisible({ timeout: 20_000 })
    expect(printPosts(apiCalls)).toHaveLength(1)
  })
}
