import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO } from '@/mocks/db'
import { server } from '@/mocks/node'
import { parsePreferences, PREFERENCES_KEY } from '@/preferences/store'
import { endSession } from '@/session/store'
import { renderApp, signInAsManager } from './render'

const LOG = '/locations/1/transactions'
const html = document.documentElement

function stored(): Record<string, unknown> {
  return JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? 'null') as Record<string, unknown>
}

/** The page sizes the log asked the API for (`editable_length`), in order. */
function countPageSizes() {
  const sizes: string[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    // The shift asks for one row at a time: only the log's own pages.
    const size = url.searchParams.get('editable_length')
    if (
      /\/kkm_transactions\/\d+$/.test(url.pathname) &&
      size !== '1' &&
      !url.searchParams.has('type')
    )
      sizes.push(size ?? '')
  })
  return sizes
}

/** A new browser session on the same computer: the tab's session storage is gone, localStorage is not. */
function newBrowserSession() {
  endSession('signed-out')
  sessionStorage.clear()
}

const cashierSwitch = () => screen.findByRole('switch', { name: 'Cashier mode' })

afterEach(() => {
  server.events.removeAllListeners()
  html.removeAttribute('data-mantine-color-scheme')
})

describe('preferences survive a reload', () => {
  it('remembers the colour scheme, in the preferences and not under Mantine’s own key', async () => {
    signInAsManager()
    const first = renderApp('/tax-systems/1')
    await first.user.click(await screen.findByRole('button', { name: 'Switch to dark theme' }))
    expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
    expect(stored()).toMatchObject({ colorScheme: 'dark' })
    expect(localStorage.getItem('mantine-color-scheme-value')).toBeNull()

    first.unmount()
    html.setAttribute('data-mantine-color-scheme', 'light')
    renderApp('/tax-systems/1')
    expect(await screen.findByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument()
    expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  })

  it('carries over a scheme Mantine stored before the preferences existed', async () => {
    localStorage.setItem('mantine-color-scheme-value', 'dark')
    signInAsManager()
    renderApp('/tax-systems/1')
    expect(await screen.findByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument()
    expect(stored()).toMatchObject({ colorScheme: 'dark' })
    expect(localStorage.getItem('mantine-color-scheme-value')).toBeNull()
  })

  it('remembers cashier mode', async () => {
    signInAsManager()
    const first = renderApp(LOG)
    await first.user.click(await cashierSwitch())
    expect(await cashierSwitch()).toBeChecked()
    expect(html).toHaveAttribute('data-cashier-mode')

    first.unmount()
    expect(html).not.toHaveAttribute('data-cashier-mode')
    newBrowserSession()
    signInAsManager()
    renderApp(LOG)
    expect(await cashierSwitch()).toBeChecked()
    expect(html).toHaveAttribute('data-cashier-mode')
    expect(screen.queryByRole('link', { name: 'Overview' })).not.toBeInTheDocument()
  })

  it('remembers the last location across sessions: the home page opens its log', async () => {
    signInAsManager()
    const first = renderApp('/tax-systems/1')
    await first.user.click(await screen.findByRole('combobox', { name: 'Location' }))
    await first.user.click(await screen.findByRole('option', { name: 'Smile Dental Clinic' }))
    expect(await screen.findByRole('heading', { name: 'Smile Dental Clinic' })).toBeInTheDocument()
    expect(stored()).toMatchObject({ lastLocationId: 2 })

    first.unmount()
    newBrowserSession()
    signInAsManager()
    renderApp('/')
    expect(await screen.findByRole('heading', { name: 'Smile Dental Clinic' })).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Location' })).toHaveValue('Smile Dental Clinic'),
    )
  })

  it('remembers the page size for links without one; a link’s own size still wins', async () => {
    const sizes = countPageSizes()
    signInAsManager()
    const first = renderApp(LOG)
    await screen.findByRole('table')
    await first.user.click(screen.getByRole('combobox', { name: 'Page size' }))
    await first.user.click(await screen.findByRole('option', { name: '100 per page' }))
    await waitFor(() => expect(sizes.at(-1)).toBe('100'))
    expect(stored()).toMatchObject({ pageSize: 100 })

    first.unmount()
    sizes.length = 0
    const second = renderApp(LOG)
    await screen.findByRole('table')
    expect(screen.getByRole('combobox', { name: 'Page size' })).toHaveValue('100 per page')
    expect(sizes).toEqual(['100'])

    second.unmount()
    sizes.length = 0
    renderApp(`${LOG}?size=25`)
    await screen.findByRole('table')
    expect(screen.getByRole('combobox', { name: 'Page size' })).toHaveValue('25 per page')
    expect(sizes).toEqual(['25'])
    expect(stored()).toMatchObject({ pageSize: 100 })
  })
})

describe('what is stored is validated', () => {
  it.each([
    ['not JSON', '{"cashierMode": tru'],
    ['an array', '[true, "dark"]'],
    ['null', 'null'],
    ['a string', '"dark"'],
    ['a number', '42'],
    ['an empty object', '{}'],
  ])('falls back to the defaults for %s', (_, raw) => {
    expect(parsePreferences(raw)).toEqual({
      locale: 'en',
      colorScheme: 'auto',
      cashierMode: false,
      lastLocationId: null,
      pageSize: 50,
      logHeading: null,
    })
  })

  it('keeps the valid fields of a partly wrong object and drops the rest, field by field', () => {
    const raw = JSON.stringify({
      locale: 'ru',
      colorScheme: 'purple',
      cashierMode: 'yes',
      lastLocationId: 3,
      pageSize: 7,
      partnerToken: DEMO.partnerToken,
    })
    expect(parsePreferences(raw)).toEqual({
      locale: 'ru',
      colorScheme: 'auto',
      cashierMode: false,
      lastLocationId: 3,
      pageSize: 50,
      logHeading: null,
    })
    expect(parsePreferences('{"lastLocationId": -3, "pageSize": "all"}')).toMatchObject({
      lastLocationId: null,
      pageSize: 'all',
    })
  })

  it.each([
    ['a number for its location', { locationId: '4' }],
    ['a language it has no words for', { locale: 'de' }],
    ['no title', { title: '' }],
    ['a title longer than any name', { title: 'x'.repeat(501) }],
    ['an intro that is not text', { intro: ['KKM'] }],
  ])('forgets a log heading with %s', (_, wrong) => {
    const heading = { locationId: 4, locale: 'en', title: 'Salon', intro: 'KKM transaction log' }
    expect(
      parsePreferences(JSON.stringify({ logHeading: { ...heading, ...wrong } })),
    ).toMatchObject({ logHeading: null })
    expect(parsePreferences(JSON.stringify({ logHeading: heading }))).toMatchObject({
      logHeading: heading,
    })
  })

  it('opens the app on malformed stored JSON with the defaults, and repairs it on the next change', async () => {
    localStorage.setItem(PREFERENCES_KEY, '{"cashierMode": true, "pageSize": 2')
    signInAsManager()
    const { user } = renderApp(LOG)
    await screen.findByRole('table')
    expect(await cashierSwitch()).not.toBeChecked()
    expect(screen.getByRole('combobox', { name: 'Page size' })).toHaveValue('50 per page')
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument()

    await user.click(await cashierSwitch())
    expect(stored()).toEqual({
      locale: 'en',
      colorScheme: 'auto',
      cashierMode: true,
      lastLocationId: 1,
      pageSize: 50,
      // The heading the log showed, for the next time it opens (src/pages/transactions/logHeading.ts).
      logHeading: {
        locationId: 1,
        locale: 'en',
        title: 'Beauty Lab on Tverskaya',
        intro: 'KKM transaction log · times in Moscow Standard Time',
      },
    })
  })

  it('uses what is valid of a foreign object: a dark scheme, not a string for cashier mode', async () => {
    localStorage.setItem(
      PREFERENCES_KEY,
      JSON.stringify({ colorScheme: 'dark', cashierMode: 'yes', pageSize: 7, lastLocationId: 'x' }),
    )
    signInAsManager()
    renderApp(LOG)
    await screen.findByRole('table')
    expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
    expect(await cashierSwitch()).not.toBeChecked()
    expect(screen.getByRole('combobox', { name: 'Page size' })).toHaveValue('50 per page')
  })

  it('keeps preferences in memory for the tab when storage refuses', async () => {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(refuse)
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse)
    signInAsManager()
    const { user } = renderApp(LOG)
    await screen.findByRole('table')
    await user.click(await cashierSwitch())
    expect(await cashierSwitch()).toBeChecked()
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()

    // Storage is back: the next change is written, and memory gives way to it.
    getItem.mockRestore()
    setItem.mockRestore()
    await user.click(await cashierSwitch())
    expect(await cashierSwitch()).not.toBeChecked()
    expect(stored()).toMatchObject({ cashierMode: false })
  })
})

describe('other tabs', () => {
  it('follows a change made in another tab', async () => {
    signInAsManager()
    renderApp(LOG)
    await screen.findByRole('table')
    expect(await cashierSwitch()).not.toBeChecked()

    const newValue = JSON.stringify({ ...stored(), cashierMode: true, colorScheme: 'dark' })
    localStorage.setItem(PREFERENCES_KEY, newValue)
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: PREFERENCES_KEY, newValue, storageArea: localStorage }),
      )
    })
    expect(await cashierSwitch()).toBeChecked()
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()
    await waitFor(() => expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark'))
  })
})

describe('tokens', () => {
  it('never reach localStorage: after a real sign-in and every preference changed', async () => {
    const { user } = renderApp('/sign-in')
    await user.type(await screen.findByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), DEMO.userToken)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    await user.click(await screen.findByRole('combobox', { name: 'Location' }))
    await user.click(await screen.findByRole('option', { name: 'Beauty Lab on Tverskaya' }))
    await screen.findByRole('table')
    await user.click(screen.getByRole('combobox', { name: 'Page size' }))
    await user.click(await screen.findByRole('option', { name: '25 per page' }))
    await user.click(screen.getByRole('button', { name: /Switch to (dark|light) theme/ }))
    await user.click(await cashierSwitch())
    await waitFor(() => expect(stored()).toMatchObject({ cashierMode: true, pageSize: 25 }))

    expect(Object.keys(localStorage)).toEqual([PREFERENCES_KEY])
    expect(Object.keys(stored()).sort()).toEqual(
      ['cashierMode', 'colorScheme', 'lastLocationId', 'locale', 'logHeading', 'pageSize'].sort(),
    )
    const everything = JSON.stringify({ ...localStorage })
    for (const secret of [DEMO.partnerToken, DEMO.userToken])
      expect(everything).not.toContain(secret)
    // The tokens are where they belong: this tab's session storage.
    expect(sessionStorage.getItem('kkm.session')).toContain(DEMO.userToken)
    expect(within(document.body).queryByText(DEMO.userToken)).not.toBeInTheDocument()
  })
})
