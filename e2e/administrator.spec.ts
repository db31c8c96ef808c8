import { choose, expect, signInWithTokens, startSignedIn, test } from './support/fixtures'
import type { Page } from '@playwright/test'

/** The tax systems shown for a country: one labelled section per system. */
function systems(page: Page) {
  return page.getByRole('main').getByRole('region')
}

async function expectCountry(page: Page, id: number, name: string, count: number) {
  await expect(page).toHaveURL(new RegExp(`/tax-systems/${id}$`))
  await expect(
    page.getByRole('heading', { name: `Tax systems of ${name}`, level: 2 }),
  ).toBeVisible()
  await expect(page.getByLabel(`${count} tax ${count === 1 ? 'system' : 'systems'}`)).toBeVisible()
  await expect(systems(page)).toHaveCount(count)
}

test.describe('administrator', () => {
  test('reads tax systems across countries; a deep link, a reload and the back button keep the view', async ({
    page,
    apiCalls,
  }) => {
    // A deep link opened directly, signed out: sign in, and land on the page asked for.
    await page.goto('/tax-systems/1')
    await expect(page).toHaveURL(/\/sign-in$/)
    await signInWithTokens(page)
    await expectCountry(page, 1, 'Russia', 6)
    const general = page.getByRole('region', { name: 'General DOS' })
    await expect(general.getByText('ru_osn', { exact: true })).toBeVisible()
    await expect(general.getByRole('button', { name: 'Copy ru_osn' })).toBeVisible()
    await expect(general.getByRole('table', { name: 'VAT rates of General DOS' })).toContainText(
      'ru_vat_20',
    )
    await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('Russia (RU)')

    await choose(page, 'Country', 'Kazakhstan (KZ)')
    await expectCountry(page, 3, 'Kazakhstan', 2)
    await expect(page.getByText('kz_general', { exact: true })).toBeVisible()

    await choose(page, 'Country', 'France (FR)')
    await expectCountry(page, 56, 'France', 2)
    await expect(page.getByRole('region', { name: 'Régime réel normal' })).toContainText(
      'fr_vat_5_5',
    )

    await choose(page, 'Country', 'United States (US)')
    await expect(page).toHaveURL(/\/tax-systems\/7$/)
    const empty = page
      .getByRole('status')
      .filter({ hasText: 'No tax systems are registered for United States' })
    await expect(empty).toBeVisible()
    await expect(systems(page)).toHaveCount(0)

    // A reload keeps the view: the country is in the URL, the session in this tab.
    await page.reload()
    await expect(page).toHaveURL(/\/tax-systems\/7$/)
    await expect(empty).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('United States (US)')

    // Back returns to the previous country, forward comes back.
    await page.goBack()
    await expectCountry(page, 56, 'France', 2)
    await expect(page.getByRole('combobox', { name: 'Country' })).toHaveValue('France (FR)')
    await page.goBack()
    await expectCountry(page, 3, 'Kazakhstan', 2)
    await page.goForward()
    await expectCountry(page, 56, 'France', 2)

    // A link typed into the address bar while signed in opens at once.
    await page.goto('/tax-systems/40')
    await expectCountry(page, 40, 'Latvia', 1)

    // A bad id is refused without asking the API; an unknown one is the API's 404.
    const asked = apiCalls.length
    await page.goto('/tax-systems/abc')
    await expect(page.getByRole('alert').filter({ hasText: 'Not a country id' })).toContainText(
      '“abc” is not a country id',
    )
    await page.goto('/tax-systems/999')
    await expect(page.getByRole('alert').filter({ hasText: 'Unknown country' })).toBeVisible()
    const taxSystemCalls = apiCalls
      .slice(asked)
      .filter((call) => call.url.pathname.includes('/tax_system/'))
      .map((call) => call.url.pathname)
    expect(taxSystemCalls).toEqual(['/api/v1/integration/kkm/references/tax_system/999'])
  })
})

test('the overview leads into a location’s log, filtered to the figure that was clicked', async ({
  page,
}) => {
  await startSignedIn(page)
  await page.goto('/overview')
  const card = page.getByRole('region', { name: 'Beauty Lab on Tverskaya' })
  // The shift line is always a link (open, closed or none today), whatever the hour.
  const shift = card.getByRole('link', { name: /Shift open|Shift closed|No shift today/ })
  await expect(shift).toBeVisible()
  await shift.click()
  await expect(page).toHaveURL(/\/locations\/1\/transactions\?.*type=(4|5)/)
  await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveValue(
    /^Shift (opening|closing)$/,
  )
  await page.goBack()
  await expect(page).toHaveURL(/\/overview$/)
  await expect(card).toBeVisible()
})
