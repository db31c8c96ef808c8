import {
  type ApiCall,
  DEMO,
  expect,
  expectNoA11yViolations,
  failedSale,
  logTable,
  printPosts,
  tabTo,
  test,
} from './support/fixtures'
import type { Page } from '@playwright/test'

/** Everything here is done with the keyboard alone: Tab, typing, arrows, Enter, Space, Escape. */
async function signInByKeyboard(page: Page) {
  await tabTo(page, page.getByLabel('Partner token'))
  await page.keyboard.type(DEMO.partnerToken)
  await tabTo(page, page.getByLabel('User token'))
  await page.keyboard.type(DEMO.userToken)
  await page.keyboard.press('Enter')
}

/**
 * In the open Print receipt dialog, its Document id focused: types the id, prints with the
 * keyboard, sees "Receipt printed" after exactly one POST, and closes the dialog with Escape.
 */
async function printOpenDialogByKeyboard(page: Page, documentId: number, apiCalls: ApiCall[]) {
  const dialog = page.getByRole('dialog', { name: 'Print receipt' })
  await expect(dialog.getByRole('textbox', { name: 'Document id' })).toBeFocused()
  await page.keyboard.type(String(documentId))
  const print = dialog.getByRole('button', { name: 'Print', exact: true })
  await expect(print).toBeEnabled()
  await tabTo(page, print)
  await page.keyboard.press('Enter')
  const outcome = dialog.getByRole('status').filter({ hasText: 'Receipt printed' })
  await expect(outcome).toContainText('Status: Success.', { timeout: 15_000 })
  expect(printPosts(apiCalls)).toHaveLength(1)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

/** Types into a focused searchable select, moves to the first match and takes it. */
async function pickByKeyboard(page: Page, search: string) {
  await page.keyboard.type(search)
  const listbox = page.getByRole('listbox')
  await expect(listbox).toBeVisible()
  // Wait for the list to be filtered by the whole search, as a person would look before moving.
  await expect(
    listbox.getByRole('option').filter({ hasNotText: new RegExp(search, 'i') }),
  ).toHaveCount(0)
  // Mantine's Select now and then drops the first ArrowDown right after filtering (a pending reset
  // of its highlighted option); a person presses again, and so does this.
  await expect(async () => {
    await page.keyboard.press('ArrowDown')
    await expect(listbox.locator('[data-combobox-selected]')).toHaveCount(1, { timeout: 1_000 })
  }).toPass({ timeout: 10_000 })
  await page.keyboard.press('Enter')
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText())
}

test.describe('keyboard only', () => {
  test('signs in, opens the tax systems, chooses a country and copies slugs', async ({ page }) => {
    await page.goto('/locations/1/transactions')
    await expect(page).toHaveURL(/\/sign-in$/)
    await signInByKeyboard(page)
    await expect(page).toHaveURL(/\/locations\/1\/transactions$/)

    await tabTo(page, page.getByRole('link', { name: 'Tax systems' }))
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/tax-systems$/)

    const country = page.getByRole('combobox', { name: 'Country' })
    await tabTo(page, country)
    await pickByKeyboard(page, 'Fran')
    await expect(page).toHaveURL(/\/tax-systems\/56$/)
    await expect(page.getByRole('heading', { name: 'Tax systems of France' })).toBeVisible()
    await expect(country).toHaveValue('France (FR)')

    // Enter on one copy button, Space on another.
    await tabTo(page, page.getByRole('button', { name: 'Copy fr_reel' }))
    await page.keyboard.press('Enter')
    await expect.poll(() => clipboard(page)).toBe('fr_reel')
    await tabTo(page, page.getByRole('button', { name: 'Copy fr_vat_20' }))
    await page.keyboard.press('Space')
    await expect.poll(() => clipboard(page)).toBe('fr_vat_20')
  })

  test('chooses a location and prints a receipt from the keyboard, once', async ({
    page,
    apiCalls,
  }) => {
    const sale = await failedSale()
    await page.goto('/sign-in')
    await signInByKeyboard(page)
    await expect(page.getByRole('heading', { name: 'Choose a location' })).toBeVisible()

    // The start page's own choice: a link per location, opened with Enter and remembered.
    await tabTo(
      page,
      page.getByRole('link', { name: /^Beauty Lab on Tverskaya .*\(transaction log\)$/ }),
    )
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/locations\/1\/transactions$/)

    const printReceipt = page.getByRole('button', { name: 'Print receipt', exact: true })
    await tabTo(page, printReceipt)
    await page.keyboard.press('Enter')
    await printOpenDialogByKeyboard(page, sale.document.id, apiCalls)
    // Focus goes back where it was, so the keyboard user carries on from there (WCAG 2.4.3).
    await expect(printReceipt).toBeFocused()
  })
})

test.describe('cashier mode', () => {
  test('a cashier runs the till from the keyboard alone: cashier mode, shortcuts, one print', async ({
    page,
    apiCalls,
  }) => {
    const sale = await failedSale()
    await page.goto('/sign-in')
    await signInByKeyboard(page)

    const cashierMode = page.getByRole('switch', { name: 'Cashier mode' })
    await tabTo(page, cashierMode)
    await page.keyboard.press('Space')
    await expect(cashierMode).toBeChecked()
    await expect(page.getByRole('link', { name: 'Tax systems' })).toHaveCount(0)

    // `l` goes to the location switcher from wherever focus is (here, the switch).
    await page.keyboard.press('l')
    await expect(page.getByRole('combobox', { name: 'Location' })).toBeFocused()
    await pickByKeyboard(page, 'Beauty')
    await expect(page).toHaveURL(/\/locations\/1\/transactions$/)
    await expect(logTable(page).or(page.getByText(/^No transactions/))).toBeVisible()

    // Touch-sized targets: at least 44 px.
    const printReceipt = page.getByRole('button', { name: 'Print receipt', exact: true })
    expect((await printReceipt.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)

    // `p` opens Print receipt with the document id field ready for typing, once focus has left
    // the location field (in a text field a letter is typed, not a shortcut).
    await page.keyboard.press('Tab')
    await expect(page.getByRole('combobox', { name: 'Location' })).not.toBeFocused()
    await page.keyboard.press('p')
    await printOpenDialogByKeyboard(page, sale.document.id, apiCalls)

    // `?` lists the shortcuts; the mode and its layout are remembered after a reload.
    await page.keyboard.press('Shift+Slash')
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(shortcuts).toBeVisible()
    await expectNoA11yViolations(page, 'cashier mode, shortcuts dialog')
    await page.keyboard.press('Escape')
    await expect(shortcuts).toBeHidden()
    await page.reload()
    await expect(page.getByRole('switch', { name: 'Cashier mode' })).toBeChecked()
    await expect(page.getByRole('link', { name: 'Tax systems' })).toHaveCount(0)
    await expectNoA11yViolations(page, 'cashier mode, the log')
  })
})
