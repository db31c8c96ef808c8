import { PREFERENCES_KEY } from '../src/preferences/store'
import { DEMO, expect, signInWithTokens, startSignedIn, test } from './support/fixtures'
import { startInLanguage, TILL_LANGUAGES, TILL_VIEWPORTS, type TillViewport } from './support/till'
import type { Locator, Page } from '@playwright/test'

/*
 * The shell on the till's four screens (issue #13): nothing scrolls sideways, the header's
 * controls fit and keep their names, and cashier mode on a tablet gives the sidebar's room to the
 * log. Then the keyboard on a Russian layout, and the next user at the till.
 */

const LOG = '/locations/1/transactions'

/** Remembers cashier mode the way the switch does (the preferences), for the next load. */
async function rememberCashierMode(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    ({ key, on }) => {
      const stored = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      window.localStorage.setItem(key, JSON.stringify({ ...stored, cashierMode: on }))
    },
    { key: PREFERENCES_KEY, on },
  )
}

/** The log page is up, in either language: its heading and its filters (today may be empty). */
async function logShown(page: Page): Promise<void> {
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(main.getByRole('search')).toBeVisible()
}

/** Every control of the header is inside the screen and named. */
async function expectHeaderFits(page: Page, screen: TillViewport, what: string): Promise<void> {
  const header = page.getByRole('banner')
  const controls: Locator = header.locator('button, input, a, [role="switch"]')
  // The first screen's header (HTML before the JavaScript) has no controls yet: wait for the app's.
  await expect(
    controls.filter({ visible: true }).first(),
    `${what}: the header has controls`,
  ).toBeVisible()
  const overflow = await header.evaluate((element) => element.scrollWidth - element.clientWidth)
  expect(
    overflow,
    `${what}: the header's own content is no wider than the header`,
  ).toBeLessThanOrEqual(0)
  const count = await controls.count()
  expect(count, `${what}: the header has controls`).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    if (!(await control.isVisible())) continue
    const box = await control.boundingBox()
    const name = await control.evaluate(
      (element) =>
        element.getAttribute('aria-label') ??
        (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
        element.textContent,
    )
    expect(name?.trim(), `${what}: header control ${i} has a name`).toBeTruthy()
    expect(box, `${what}: ${name} is laid out`).not.toBeNull()
    if (!box) continue
    expect(box.x, `${what}: ${name} starts on the screen`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `${what}: ${name} ends on the screen`).toBeLessThanOrEqual(
      screen.width,
    )
  }
}

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const extra = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(extra, `${what}: nothing scrolls sideways`).toBeLessThanOrEqual(0)
}

/** Whether the navigation is on the screen as a sidebar (not a closed drawer). */
async function sidebarShown(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('navigation', { name }).boundingBox()
  return box !== null && box.x + box.width > 0
}

/** The shell's names in both languages (src/i18n/messages). */
const NAMES = {
  en: { navigation: 'Main navigation', burger: 'Toggle navigation' },
  ru: { navigation: 'Главное меню', burger: 'Показать или скрыть меню' },
} as const

for (const screen of TILL_VIEWPORTS) {
  for (const locale of TILL_LANGUAGES) {
    test(`the shell fits a ${screen.name} in ${locale}, in normal and cashier mode`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height })
      await startInLanguage(page, locale)
      await startSignedIn(page)
      await page.goto('/')
      await expectNoSidewaysScroll(page, 'the start page')
      await expectHeaderFits(page, screen, 'the start page')

      await page.goto(LOG)
      await logShown(page)
      await expectHeaderFits(page, screen, 'the log')
      const names = NAMES[locale as keyof typeof NAMES]
      const navigation = names.navigation
      expect(await sidebarShown(page, navigation), 'the sidebar, normal mode').toBe(
        screen.width >= 768,
      )

      await rememberCashierMode(page, true)
      await page.reload()
      await logShown(page)
      await expectHeaderFits(page, screen, 'the log in cashier mode')
      // Cashier mode's larger sizes leave a sidebar room only on a laptop.
      expect(await sidebarShown(page, navigation), 'the sidebar, cashier mode').toBe(
        screen.width >= 1200,
      )
      if (screen.width < 1200) {
        // Still one tap away, behind the burger.
        await page.getByRole('button', { name: names.burger }).click()
        await expect(
          page.getByRole('navigation', { name: navigation }).getByRole('link').first(),
        ).toBeInViewport()
      }
    })
  }
}

test('on a phone in Russian: the skip link, Escape on the drawer, and / where it types "."', async ({
  page,
}) => {
  const phone = TILL_VIEWPORTS.find((screen) => screen.width < 500)
  if (!phone) throw new Error('TILL_VIEWPORTS has no phone')
  await page.setViewportSize({ width: phone.width, height: phone.height })
  await startInLanguage(page, 'ru')
  await startSignedIn(page)
  await page.goto(LOG)
  await logShown(page)

  // The first Tab stop, and it lands on the log.
  await page.locator('body').focus()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Перейти к содержимому' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  const main = page.getByRole('main')
  await expect(main).toBeFocused()
  await expect(main.getByRole('search')).toBeVisible()

  // The drawer: opened from the burger, closed with Escape, the focus back on the burger.
  const burger = page.getByRole('button', { name: NAMES.ru.burger })
  await burger.click()
  const drawer = page.getByRole('navigation', { name: NAMES.ru.navigation })
  await expect(drawer.getByRole('switch', { name: 'Режим кассира' })).toBeInViewport()
  // The page under the open drawer is out of reach: Tab walks the header and the drawer only.
  for (let press = 0; press < 20; press++) {
    await page.keyboard.press('Tab')
    expect(
      await page.evaluate(() => Boolean(document.activeElement?.closest('main'))),
      `Tab ${press + 1} stays out of the covered page`,
    ).toBe(false)
  }
  await page.keyboard.press('Escape')
  await expect(drawer.getByRole('switch', { name: 'Режим кассира' })).not.toBeInViewport()
  await expect(burger).toBeFocused()

  // On the Russian layout the / key types ".": the key's place still finds a document.
  await main.focus()
  const cdp = await page.context().newCDPSession(page)
  const slash = { key: '.', code: 'Slash', text: '.', windowsVirtualKeyCode: 191 }
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...slash })
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...slash })
  const dialog = page.getByRole('dialog', { name: 'Печать чека' })
  await expect(dialog.getByRole('textbox', { name: 'Номер документа' })).toBeFocused()
  await expect(dialog.getByRole('textbox', { name: 'Номер документа' })).toHaveValue('')
})

test('the next user at the till starts at the start page, not on the last user’s page', async ({
  page,
}) => {
  await page.goto('/tax-systems/1')
  await signInWithTokens(page)
  await expect(page.getByRole('heading', { name: 'Tax systems of Russia' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)

  await page.getByLabel('Partner token').fill(DEMO.partnerToken)
  await page.getByLabel('User token').fill('demo-cashier-token')
  await page.getByRole('button', { name: 'Sign in' }).click()
  // The start page; with the cashier's one location it goes on to that location's log.
  await expect(page).toHaveURL(/\/(locations\/1\/transactions)?$/)
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText(
    'Staff member (user token)',
  )
  await expect(page.getByRole('heading', { name: /Tax systems/ })).toHaveCount(0)
})
