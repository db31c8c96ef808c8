import {
  expect,
  expectNoA11yViolations,
  isoDay,
  logTable,
  startSignedIn,
  test,
} from './support/fixtures'
import type { Locator, Page } from '@playwright/test'

/** axe (WCAG 2.1 A/AA) on every page and every dialog, in both colour schemes: zero violations. */

interface Screen {
  name: string
  path: string
  /** What shows that the page has settled into the state under test. */
  ready: (page: Page) => Locator
}

const SCREENS: Screen[] = [
  {
    name: 'start page, choose a location',
    path: '/',
    ready: (page) =>
      page.getByRole('link', { name: /^Smile Dental Clinic .*\(transaction log\)$/ }),
  },
  {
    name: 'tax systems with data',
    path: '/tax-systems/1',
    ready: (page) => page.getByRole('heading', { name: 'Tax systems of Russia' }),
  },
  {
    name: 'tax systems, no country chosen',
    path: '/tax-systems',
    ready: (page) => page.getByText('Choose a country to see its tax systems.'),
  },
  {
    name: 'tax systems, empty',
    path: '/tax-systems/7',
    ready: (page) => page.getByRole('status').filter({ hasText: 'No tax systems are registered' }),
  },
  {
    name: 'tax systems, bad id',
    path: '/tax-systems/abc',
    ready: (page) => page.getByRole('alert').filter({ hasText: 'Not a country id' }),
  },
  {
    name: 'tax systems, unknown country',
    path: '/tax-systems/999',
    ready: (page) => page.getByRole('alert').filter({ hasText: 'Unknown country' }),
  },
  {
    name: 'transactions log',
    path: `/locations/1/transactions?from=${isoDay(-1)}`,
    ready: (page) => logTable(page),
  },
  {
    name: 'transactions log, empty',
    path: '/locations/5/transactions',
    ready: (page) => page.getByText('No transactions yet today.'),
  },
  {
    name: 'transactions log, bad location id',
    path: '/locations/abc/transactions',
    ready: (page) => page.getByRole('alert').filter({ hasText: 'Not a location id' }),
  },
  {
    name: 'overview',
    path: '/overview',
    ready: (page) =>
      page
        .getByRole('region', { name: 'Nail Studio Paris' })
        .getByText(/No transactions yet today/),
  },
  {
    name: 'not found',
    path: '/no-such-page',
    ready: (page) => page.getByRole('heading', { name: 'Page not found' }),
  },
]

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} scheme`, () => {
    // Mantine's colour scheme is "auto": it follows the emulated system preference.
    test.use({ colorScheme: scheme })

    const inScheme = (page: Page) =>
      expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)

    test('sign-in page, blank and with field errors', async ({ page }) => {
      await page.goto('/sign-in')
      await expect(page.getByRole('heading', { name: 'KKM Console', level: 1 })).toBeVisible()
      await inScheme(page)
      await expectNoA11yViolations(page, `sign-in (${scheme})`)

      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByText('Partner token is required.')).toBeVisible()
      await expectNoA11yViolations(page, `sign-in with field errors (${scheme})`)

      await page.getByText('Login and password', { exact: true }).click()
      await expect(page.getByRole('textbox', { name: 'Login' })).toBeVisible()
      await expectNoA11yViolations(page, `sign-in with login and password (${scheme})`)
    })

    for (const screen of SCREENS) {
      test(screen.name, async ({ page }) => {
        await startSignedIn(page)
        await page.goto(screen.path)
        await expect(screen.ready(page)).toBeVisible()
        await inScheme(page)
        await expectNoA11yViolations(page, `${screen.name} (${scheme})`)
      })
    }

    test('print dialog, before and after printing', async ({ page }) => {
      await startSignedIn(page)
      await page.goto(`/locations/1/transactions?from=${isoDay(-27)}&type=0&status=3`)
      const row = logTable(page)
        .getByRole('row')
        .filter({ has: page.getByRole('cell') })
      await row
        .first()
        .getByRole('button', { name: /^Print receipt for / })
        .click()
      const dialog = page.getByRole('dialog', { name: 'Print receipt' })
      await expect(dialog.getByRole('button', { name: 'Print', exact: true })).toBeEnabled()
      await inScheme(page)
      await expectNoA11yViolations(page, `print dialog (${scheme})`)

      await dialog.getByRole('button', { name: 'Print', exact: true }).click()
      await expect(dialog.getByRole('status').filter({ hasText: 'Receipt printed' })).toBeVisible({
        timeout: 15_000,
      })
      await expectNoA11yViolations(page, `print dialog after printing (${scheme})`)
    })

    test('details drawer', async ({ page }) => {
      await startSignedIn(page)
      await page.goto(`/locations/1/transactions?from=${isoDay(-1)}`)
      const details = page.getByRole('button', { name: /^Details of transaction \d+$/ }).first()
      const label = (await details.getAttribute('aria-label')) ?? ''
      await details.click()
      const drawer = page.getByRole('dialog', { name: label.replace('Details of t', 'T') })
      await expect(drawer.getByRole('rowheader', { name: 'Transaction id' })).toBeVisible()
      await inScheme(page)
      await expectNoA11yViolations(page, `details drawer (${scheme})`)
    })
  })
}

test('the header button switches the colour scheme, and the choice survives a reload', async ({
  page,
}) => {
  await startSignedIn(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/tax-systems/1')
  await expect(page.getByRole('heading', { name: 'Tax systems of Russia' })).toBeVisible()
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')

  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
  await expectNoA11yViolations(page, 'tax systems after switching to dark')

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Tax systems of Russia' })).toBeVisible()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.getByRole('button', { name: 'Switch to light theme' }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')
})
