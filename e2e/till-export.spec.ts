import { readFile } from 'node:fs/promises'
import { parseCsv } from '../test/parseCsv'
import { MOCK_API } from './support/env'
import { DEMO, expect, failedSale, setScenario, startSignedIn, test } from './support/fixtures'
import { startInLanguage, TILL_LANGUAGES } from './support/till'
import type { Locale } from '../src/preferences/store'
import type { Locator, Page } from '@playwright/test'

/**
 * The export opens right in Excel in either language, and the money totals on the log and on an
 * overview card are those of the mock API's own data, computed here from what the API answers
 * (not with the app's code).
 */

const LOCATION = { id: 1, title: 'Beauty Lab on Tverskaya' }
const MOSCOW_OFFSET_MS = 3 * 3_600_000

/** A day at Beauty Lab (Moscow, UTC+3 all year), `days` from today there. */
function moscowDay(days = 0): string {
  return new Date(Date.now() + MOSCOW_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10)
}

interface ApiTransaction {
  id: number
  print_date: string
  sum: number | string
  printed_count: number
  type: { id: number | string }
  status: { id: number | string }
  document: { id: number | string; type: number | string }
  cashier: { id: number | string; name: string }
}

const headers = {
  Accept: 'application/vnd.api.v2+json',
  Authorization: `Bearer ${DEMO.partnerToken}, User ${DEMO.userToken}`,
}

/**
 * The test's own requests share the mock's strict window (5 a second) with the page's, which
 * knows nothing of them: the page starts only once they are a second old.
 */
function letRateWindowPass(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1_100))
}

/** Every transaction of location 1 in the days, straight from the mock API. */
async function apiLog(startDate: string, endDate: string): Promise<ApiTransaction[]> {
  const query = new URLSearchParams({
    start_date: startDate,
    end_date: endDate,
    editable_length: '1000',
    page: '1',
  })
  const response = await fetch(`${MOCK_API}/api/v1/kkm_transactions/${LOCATION.id}?${query}`, {
    headers,
  })
  const body = (await response.json()) as { data: ApiTransaction[]; meta: { count: number } }
  // Two days of one salon fit on one page of 1,000: the test would be wrong, not the app, if not.
  expect(body.data.length).toBe(Number(body.meta.count))
  return body.data
}

/** The money of successfully printed sales (0) and returns (1), in kopecks, and what is left out. */
function expectedTotals(rows: ApiTransaction[]) {
  const ok = (row: ApiTransaction, type: number) =>
    Number(row.type.id) === type && Number(row.status.id) === 1
  const kopecks = (type: number) =>
    rows
      .filter((row) => ok(row, type))
      .reduce((sum, row) => sum + Math.round(Math.abs(Number(row.sum)) * 100), 0)
  const receipts = rows.filter((row) => [0, 1].includes(Number(row.type.id)))
  return {
    sales: { kopecks: kopecks(0), count: rows.filter((row) => ok(row, 0)).length },
    returns: { kopecks: kopecks(1), count: rows.filter((row) => ok(row, 1)).length },
    failed: receipts.filter((row) => [0, 3, 4].includes(Number(row.status.id))).length,
  }
}

const WORDS = {
  en: {
    locale: 'en-GB',
    export: 'Export CSV',
    sales: 'Sales',
    returns: 'Returns',
    net: 'Net',
    totals: /^Totals at Beauty Lab on Tverskaya/,
    table: /^KKM transactions of /,
  },
  ru: {
    locale: 'ru-RU',
    export: 'Экспорт в CSV',
    sales: 'Продажи',
    returns: 'Возвраты',
    net: 'Итого',
    totals: /^Итоги: Beauty Lab on Tverskaya/,
    table: /^Транзакции ККМ: /,
  },
} as const

function money(kopecks: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: 'narrowSymbol',
  }).format(kopecks / 100)
}

/** Checks a totals group against the expected money, in the language's words and format. */
async function expectTotals(
  scope: Locator | Page,
  locale: Locale,
  expected: ReturnType<typeof expectedTotals>,
) {
  const words = WORDS[locale]
  const group = scope.getByRole('group', { name: words.totals })
  const count = (n: number) => new Intl.NumberFormat(words.locale).format(n)
  await expect(group).toContainText(
    `${words.sales}${money(expected.sales.kopecks, words.locale)} (${count(expected.sales.count)})`,
  )
  await expect(group).toContainText(
    `${words.returns}${money(expected.returns.kopecks, words.locale)} (${count(expected.returns.count)})`,
  )
  await expect(group).toContainText(
    `${words.net}${money(expected.sales.kopecks - expected.returns.kopecks, words.locale)}`,
  )
  return group
}

test.describe('till: export and totals', () => {
  for (const locale of TILL_LANGUAGES) {
    test(`the log's totals and its export, in ${locale}, match the API's data`, async ({
      page,
    }) => {
      const words = WORDS[locale]
      const from = moscowDay(-1)
      const to = moscowDay(0)
      const rows = await apiLog(from, to)
      expect(rows.length).toBeGreaterThan(5)
      const expected = expectedTotals(rows)
      expect(expected.sales.count).toBeGreaterThan(0)
      await letRateWindowPass()

      await startSignedIn(page)
      await startInLanguage(page, locale)
      await page.goto(`/locations/${LOCATION.id}/transactions?from=${from}&to=${to}&size=all`)
      const table = page.getByRole('table', { name: words.table })
      await expect(table.getByRole('row').nth(1)).toBeVisible()
      await expectTotals(page, locale, expected)

      const downloading = page.waitForEvent('download')
      await page.getByRole('button', { name: words.export }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe(`kkm-transactions-${LOCATION.id}-${from}-${to}.csv`)
      const bytes = await readFile(await download.path())
      // The UTF-8 byte order mark: Russian Excel reads Cyrillic only with it.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const separator = locale === 'ru' ? ';' : ','
      const decimal = locale === 'ru' ? ',' : '.'
      const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'), separator)
      expect(header?.[0]).toBe(locale === 'ru' ? 'ID транзакции' : 'Transaction id')
      expect(header).toHaveLength(16)
      expect(records.map((record) => Number(record[0])).sort()).toEqual(
        rows.map((row) => row.id).sort(),
      )
      const byId = new Map(rows.map((row) => [row.id, row]))
      for (const record of records) {
        const row = byId.get(Number(record[0]))
        if (!row) throw new Error(`exported a transaction the API does not list: ${record[0]}`)
        // Moscow's dates carry +03:00: the wall time is the text before the offset.
        expect(record[1]).toBe(row.print_date.slice(0, 19).replace('T', ' '))
        expect(record[2]).toBe(String(row.type.id))
        expect(record[4]).toBe(String(row.document.id))
        expect(record[5]).toBe(String(row.document.type))
        expect(record[7]).toBe(Number(row.sum).toFixed(2).replace('.', decimal))
        expect(record[8]).toBe('RUB')
        expect(record[9]).toBe(String(row.status.id))
        expect(record[11]).toBe(String(row.cashier.id))
        expect(record[14]).toBe(String(LOCATION.id))
        expect(record[15]).toBe(LOCATION.title)
      }
    })
  }

  test('an overview card totals the day it read: successful receipts only, failed named', async ({
    page,
  }) => {
    // Today's receipts at Beauty Lab whatever the hour there: a sale and a return that print,
    // and a sale the offline register fails.
    const document = (await failedSale()).document.id
    const print = (type: 0 | 1) =>
      fetch(`${MOCK_API}/api/v1/kkm_transactions/${LOCATION.id}/print_document_bill`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ document_id: document, type }),
      }).then((response) => expect(response.ok).toBe(true))
    await setScenario({ printSettleMs: 0 })
    await print(0)
    await print(1)
    await setScenario({ printer: 'offline' })
    await print(0)

    const rows = await apiLog(moscowDay(0), moscowDay(0))
    const expected = expectedTotals(rows)
    expect(expected.failed).toBeGreaterThan(0)
    await letRateWindowPass()

    await startSignedIn(page)
    await page.goto('/overview')
    const card = page.getByRole('region', { name: LOCATION.title })
    const group = await expectTotals(card, 'en', expected)
    await expect(group).toContainText(`Not counted: ${expected.failed} failed`)
  })
})
