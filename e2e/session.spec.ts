import {
  choose,
  DEMO,
  expect,
  isoDay,
  setScenario,
  signInWithTokens,
  test,
  logTable,
  untilApiQuiet,
} from './support/fixtures'

test.describe('session', () => {
  test('signing out forgets the tokens and closes every page', async ({ page }) => {
    await page.goto('/sign-in')
    await signInWithTokens(page)
    // No location chosen yet: the start page asks for one.
    await expect(page.getByRole('heading', { name: 'Choose a location' })).toBeVisible()
    await expect(page).toHaveURL(/\/$/)
    const navigation = page.getByRole('navigation', { name: 'Main navigation' })
    await expect(navigation).toContainText('Staff member (user token)')

    await navigation.getByRole('link', { name: 'Tax systems' }).click()

    await choose(page, 'Country', 'Kazakhstan (KZ)')
    await expect(page.getByRole('heading', { name: 'Tax systems of Kazakhstan' })).toBeVisible()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in$/)
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    // A chosen sign-out is not news: no "Signed out" warning.
    await expect(page.getByRole('alert').filter({ hasText: 'Signed out' })).toHaveCount(0)
    expect(await page.evaluate(() => window.sessionStorage.getItem('kkm.session'))).toBeNull()

    // Neither the back button nor a deep link shows the console any more.
    await page.goBack()
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expect(page).toHaveURL(/\/sign-in$/)
    await page.goto('/tax-systems/1')
    await expect(page).toHaveURL(/\/sign-in$/)
    await expect(page.getByRole('heading', { name: 'Tax systems of Russia' })).toHaveCount(0)
  })

  test('a 401 in the middle of work signs out once and returns to the same view after signing in', async ({
    page,
    apiCalls,
  }) => {
    await page.goto('/sign-in')
    await signInWithTokens(page)
    await choose(page, 'Location', 'Beauty Lab on Tverskaya')
    await page.getByRole('search', { name: 'Filter the log' }).getByLabel('From').fill(isoDay(-6))
    await choose(page, 'Operation', 'Sale return')
    await choose(page, 'Status', 'Success')
    await expect(page).toHaveURL(/[?&]type=1&status=1(&|$)/)
    await expect(logTable(page)).toBeVisible()
    const view = new URL(page.url())
    // Let every read of this view finish first (the log, the shift, the location list), so the
    // 401 meets the click and nothing earlier: a read still on its way once failed the test.
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled()
    await untilApiQuiet(apiCalls)

    // The tokens stop working; the next action that calls the API meets a 401.
    await setScenario({ fault: 'unauthorized' })
    await page.getByRole('button', { name: 'Refresh' }).click()

    await expect(page).toHaveURL(/\/sign-in$/)
    const signedOut = page.getByRole('alert').filter({ hasText: 'Signed out' })
    await expect(signedOut).toHaveCount(1)
    await expect(signedOut).toContainText('Sign in again to continue where you were.')
    expect(await page.evaluate(() => window.sessionStorage.getItem('kkm.session'))).toBeNull()

    await setScenario({ fault: null })
    await signInWithTokens(page)
    await expect(page).toHaveURL(`${view.pathname}${view.search}`)
    await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Success')
    await expect(page.getByLabel('From')).toHaveValue(isoDay(-6))
    await expect(logTable(page)).toBeVisible()
    // Still one notice, however many requests met the 401.
    await expect(signedOut).toHaveCount(1)
  })

  test('signs in with login and password', async ({ page, apiCalls }) => {
    await page.goto('/sign-in')
    await page.getByText('Login and password', { exact: true }).click()
    await expect(page.getByRole('radio', { name: 'Login and password' })).toBeChecked()
    await expect(page.getByLabel('User token')).toHaveCount(0)
    await page.getByLabel('Partner token').fill(DEMO.partnerToken)
    await page.getByRole('textbox', { name: 'Login' }).fill(DEMO.login)
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO.password)
    await page.getByRole('button', { name: 'Sign in' }).click()

    await expect(page.getByRole('heading', { name: 'Choose a location' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toContainText(
      'Helen Manager',
    )
    expect(apiCalls.map((call) => `${call.method} ${call.url.pathname}`).slice(0, 2)).toEqual([
      'POST /api/v1/auth',
      'GET /api/v1/companies',
    ])
    // The password is used once and kept nowhere; the tokens stay in this tab only.
    const stored = await page.evaluate(() => ({
      session: window.sessionStorage.getItem('kkm.session') ?? '',
      local: JSON.stringify(window.localStorage),
    }))
    expect(stored.session).toContain(DEMO.userToken)
    expect(stored.session).not.toContain(DEMO.password)
    expect(stored.local).not.toContain(DEMO.userToken)
  })
})
