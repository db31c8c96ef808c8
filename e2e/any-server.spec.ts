import { readFile } from 'node:fs/promises'
import { APP_YCLIENTS, MOCK_API } from './support/env'
import {
  DEMO,
  expect,
  logTable,
  printPosts,
  setScenario,
  signInWithTokens,
  test,
} from './support/fixtures'

/**
 * A cashier at a YCLIENTS deployment whose server differs from our guesses wherever the
 * reference says "not documented": oldest first, at most 100 rows a page, `meta.count` only the
 * page's length, ids and sums as strings, wall-time dates, the legacy error body, YCLIENTS'
 * Accept insisted on, and a 6th request within a second refused.
 */

interface Row {
  id: number
  print_date: string
  type: { id: number }
  status: { id: number }
  document: { id: number }
}

/**
 * Yesterday at location 4 — a whole day, ~350 rows, at any hour the suite runs — as our own
 * default server lists it (newest first), before the profile changes.
 */
async function yesterdayAtBigLocation(): Promise<{ rows: Row[]; day: string }> {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Novosibirsk' }).format(
    new Date(Date.now() - 86_400_000),
  )
  const query = new URLSearchParams({ start_date: day, end_date: day, editable_length: '5000' })
  const response = await fetch(`${MOCK_API}/api/v1/kkm_transactions/4?${query}`, {
    headers: {
      Accept: 'application/vnd.api.v2+json',
      Authorization: `Bearer ${DEMO.partnerToken}, User ${DEMO.userToken}`,
    },
  })
  const body = (await response.json()) as { data: Row[] }
  return { rows: body.data, day }
}

test.use({ baseURL: APP_YCLIENTS })

test('yesterday whole and newest first, a duplicate past the first page flagged, one print followed to success', async ({
  page,
  apiCalls,
}) => {
  const { rows, day } = await yesterdayAtBigLocation()
  expect(rows.length, 'location 4 had more than three capped pages yesterday').toBeGreaterThan(200)
  const [newest] = rows
  // In the oldest-first server's order this receipt lies on its last page.
  const printed = rows.find((row) => row.type.id === 0 && row.status.id === 1)
  if (!newest || !printed) throw new Error('location 4 had no successful sale yesterday')
  await setScenario({ profile: 'harshest' })

  await page.goto('/sign-in')
  await expect(page.getByText('From Settings → API access in YCLIENTS.')).toBeVisible()
  await signInWithTokens(page)
  await expect(page).not.toHaveURL(/sign-in/)
  await page.goto(`/locations/4/transactions?from=${day}&to=${day}&size=all`)

  const table = logTable(page)
  // Exactly, not "≥ …": the count the server never sent is known once every page is read.
  await expect(page.getByRole('status').filter({ hasText: 'transactions found' })).toHaveText(
    new RegExp(`^${rows.length}\\s*transactions found$`),
  )
  await expect(table).toHaveAttribute('aria-rowcount', String(rows.length + 1))
  const bodyRows = table.getByRole('row').filter({ has: page.getByRole('cell') })
  await expect(bodyRows.first()).toContainText(`#${newest.document.id}`)

  // The export holds every row too: a header and one line each.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = await readFile((await (await download).path()) ?? '', 'utf8')
  expect(csv.trimEnd().split('\r\n')).toHaveLength(rows.length + 1)

  await table
    .getByRole('button', { name: new RegExp(`^Print receipt for .* #${printed.document.id}$`) })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Print receipt' })
  await expect(dialog.getByText('Already printed')).toBeVisible()
  const print = dialog.getByRole('button', { name: 'Print', exact: true })
  await expect(print).toBeDisabled()
  await dialog.getByLabel('Print a second receipt anyway').check()
  await print.click()
  await expect(dialog.getByRole('status').filter({ hasText: 'Receipt printed' })).toContainText(
    'Status: Success.',
    { timeout: 20_000 },
  )
  expect(printPosts(apiCalls)).toHaveLength(1)
  expect(apiCalls.filter((call) => call.status === 429 || call.status === 400)).toEqual([])
})
