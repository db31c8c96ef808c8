import {
  DEMO,
  expect,
  expectNoA11yViolations,
  failedSale,
  printPosts,
  test,
} from './support/fixtures'
import type { Locator } from '@playwright/test'

/*
 * A cashier on a tablet, by touch alone and in Russian: every step is a tap; typing stands for the
 * on-screen keyboard. Each control tapped in cashier mode is at least 44 px high (WCAG 2.5.5).
 */
test.use({ hasTouch: true, viewport: { width: 820, height: 1180 } })

async function tapTarget(target: Locator): Promise<void> {
  await expect(target).toBeVisible()
  const box = await target.boundingBox()
  expect(box?.height ?? 0, 'a touch target is at least 44 px high').toBeGreaterThanOrEqual(44)
  expect(box?.width ?? 0, 'a touch target is at least 44 px wide').toBeGreaterThanOrEqual(44)
  await target.tap()
}

test('a cashier runs the till on a tablet by touch, in Russian, and prints once', async ({
  page,
  apiCalls,
}) => {
  const sale = await failedSale()
  await page.goto('/sign-in')
  await page.getByText('Русский').tap()
  await page.getByLabel('Токен партнёра').fill(DEMO.partnerToken)
  await page.getByLabel('Токен пользователя').fill(DEMO.userToken)
  await page.getByRole('button', { name: 'Войти' }).tap()

  // The start page asks for the location; cashier mode is switched on there, before the till.
  await expect(page.getByRole('heading', { name: 'Выберите филиал' })).toBeVisible()
  await page.getByRole('switch', { name: 'Режим кассира' }).tap()
  await expect(page.getByRole('switch', { name: 'Режим кассира' })).toBeChecked()
  await tapTarget(
    page.getByRole('link', { name: /^Beauty Lab on Tverskaya .*\(журнал транзакций\)$/ }),
  )
  await expect(page).toHaveURL(/\/locations\/1\/transactions$/)

  await tapTarget(page.getByRole('button', { name: 'Печать чека', exact: true }))
  const dialog = page.getByRole('dialog', { name: 'Печать чека' })
  await dialog.getByRole('textbox', { name: 'Номер документа' }).fill(String(sale.document.id))
  await tapTarget(dialog.getByRole('button', { name: 'Напечатать', exact: true }))
  const outcome = dialog.getByRole('status').filter({ hasText: 'Чек напечатан' })
  await expect(outcome).toBeVisible({ timeout: 15_000 })
  expect(printPosts(apiCalls)).toHaveLength(1)
  await expectNoA11yViolations(page, 'cashier mode on a tablet, in Russian, after printing')
  await tapTarget(dialog.getByRole('button', { name: 'Закрыть' }).first())
  await expect(dialog).toBeHidden()
  expect(printPosts(apiCalls)).toHaveLength(1)
})
