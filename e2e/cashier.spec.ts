import {
  choose,
  expect,
  failedSale,
  isoDay,
  printPosts,
  setScenario,
  signInWithTokens,
  test,
  watchForTexts,
  logTable,
} from './support/fixtures'
import type { Locator, Page } from '@playwright/test'

const LOCATION = 'Beauty Lab on Tverskaya'

/** Signs in, picks the location in the header and narrows the log to sales that failed to print. */
async function openFailedSales(page: Page): Promise<Locator> {
  await page.goto('/sign-in')
  await signInWithTokens(page)
  await choose(page, 'Location', LOCATION)
  await expect(page).toHaveURL(/\/locations\/1\/transactions$/)
  await expect(page.getByRole('heading', { name: LOCATION, level: 1 })).toBeVisible()

  const filters = page.getByRole('search', { name: 'Filter the log' })
  await filters.getByLabel('From').fill(isoDay(-27))
  await choose(page, 'Operation', 'Sale')
  await choose(page, 'Status', 'Runtime error')
  await expect(page).toHaveURL(/[?&]type=0&status=3(&|$)/)
  await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveValue('Sale')
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Runtime error')

  // Every row left is a sale whose receipt failed: its status badge says so.
  const rows = logTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
  await expect(rows.first()).toBeVisible()
  const cell = (name: string) => page.getByRole('cell', { name, exact: true })
  await expect(rows.filter({ hasNot: cell('Runtime error') })).toHaveCount(0)
  await expect(rows.filter({ hasNot: cell('Sale') })).toHaveCount(0)
  return rows.first()
}

/** Opens the print dialog from a row and waits for the log check that enables "Print". */
async function openPrintDialog(page: Page, row: Locator) {
  const document = (await row.getByRole('cell').nth(2).textContent())?.trim() ?? ''
  expect(document).toMatch(/ #\d+$/)
  await row.getByRole('button', { name: `Print receipt for ${document}` }).click()
  const dialog = page.getByRole('dialog', { name: 'Print receipt' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('table', { name: 'Receipt to print' })).toContainText(document)
  const print = dialog.getByRole('button', { name: 'Print', exact: true })
  await expect(print).toBeEnabled()
  // The log holds no earlier successful receipt for this document: no warning to acknowledge.
  await expect(dialog.getByText('Already printed')).toHaveCount(0)
  return { dialog, print, document }
}

test.describe('cashier', () => {
  test('picks a location, filters the log and prints a receipt that had failed, once', async ({
    page,
    apiCalls,
  }) => {
    const row = await openFailedSales(page)
    const { dialog, print, document } = await openPrintDialog(page, row)
    const seen = await watchForTexts(page, [
      'Sending to the register…',
      'Status: Sent for printing',
      'Receipt printed',
    ])
    await print.click()

    const outcome = dialog.getByRole('status').filter({ hasText: 'Receipt printed' })
    await expect(outcome).toContainText('Status: Success.', { timeout: 15_000 })
    const notification = page.getByRole('alert').filter({ hasText: 'Receipt printed' })
    await expect(notification).toContainText(`${document}: Success`)
    // The dialog went through each state in turn, however briefly it showed them.
    expect(await seen()).toEqual([
      'Sending to the register…',
      'Status: Sent for printing',
      'Receipt printed',
    ])
    await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toHaveCount(0)
    expect(printPosts(apiCalls)).toHaveLength(1)
    expect(printPosts(apiCalls)[0]?.url.pathname).toBe(
      '/api/v1/kkm_transactions/1/print_document_bill',
    )
  })

  test('a print the register cannot make ends in a clear failure, once', async ({
    page,
    apiCalls,
  }) => {
    const sale = await failedSale()
    await page.goto('/sign-in')
    await signInWithTokens(page)
    await choose(page, 'Location', LOCATION)
    await expect(page.getByRole('heading', { name: LOCATION, level: 1 })).toBeVisible()
    await setScenario({ printer: 'offline' })

    // The toolbar's form, with a document id taken from the mock's data.
    await page.getByRole('button', { name: 'Print receipt', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Print receipt' })
    await dialog.getByRole('textbox', { name: 'Document id' }).fill(String(sale.document.id))
    await expect(dialog.getByRole('table', { name: 'Receipt to print' })).toContainText(
      `#${sale.document.id}`,
    )
    const print = dialog.getByRole('button', { name: 'Print', exact: true })
    await expect(print).toBeEnabled()
    const seen = await watchForTexts(page, [
      'Status: Sent for printing',
      'The register could not print',
    ])
    await print.click()

    const failure = dialog.getByRole('alert').filter({ hasText: 'The register could not print' })
    await expect(failure).toContainText('Status: Connection error.', { timeout: 15_000 })
    await expect(page.getByRole('alert').filter({ hasText: 'Receipt not printed' })).toContainText(
      `#${sale.document.id}: Connection error`,
    )
    expect(await seen()).toEqual(['Status: Sent for printing', 'The register could not print'])
    expect(printPosts(apiCalls)).toHaveLength(1)
  })

  test('a print whose answer is lost is "result unknown", found in the log and followed, never printed again', async ({
    page,
    apiCalls,
  }) => {
    const row = await openFailedSales(page)
    const { dialog, print, document } = await openPrintDialog(page, row)
    // The mock prints, then drops the connection; the latency keeps each step on screen a while.
    await setScenario({ fault: 'network', faultOperation: 'printDocumentBill', latencyMs: 800 })
    const seen = await watchForTexts(page, [
      'Result unknown',
      'Checking the log for this document…',
      'The register has the receipt.',
      'Receipt printed',
      'Print again',
    ])
    await print.click()

    const unknown = dialog.getByRole('alert').filter({ hasText: 'Result unknown' })
    await expect(unknown).toContainText('The register may have printed the receipt.')
    // The log shows the receipt the register printed: the dialog follows it to its end.
    const outcome = dialog.getByRole('status').filter({ hasText: 'Receipt printed' })
    await expect(outcome).toContainText('Status: Success.', { timeout: 15_000 })
    await expect(page.getByRole('alert').filter({ hasText: 'Receipt printed' })).toContainText(
      `${document}: Success`,
    )
    await expect(dialog.getByRole('button', { name: 'Print again' })).toHaveCount(0)
    expect(await seen()).toEqual([
      'Result unknown',
      'Checking the log for this document…',
      'The register has the receipt.',
      'Receipt printed',
    ])
    expect(printPosts(apiCalls)).toHaveLength(1)
  })
})
