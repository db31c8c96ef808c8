import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { queryKeys } from '@/api/keys'
import { server } from '@/mocks/node'
import { setScenario } from '@/mocks/scenarios'
import { PREFERENCES_KEY } from '@/preferences/store'
import { answeringMediaQueries } from './matchMedia'
import { renderApp, signInAsManager } from './render'
import type { QueryClient } from '@tanstack/react-query'

const LOG = '/locations/1/transactions'
const html = document.documentElement

/** A browser that remembers cashier mode from an earlier session. */
function rememberCashierMode() {
  localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ cashierMode: true }))
}

/** The log's own page requests (not the shift's one-row reads), with their query. */
function countLogRequests() {
  const seen: URLSearchParams[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (
      request.method === 'GET' &&
      /\/kkm_transactions\/\d+$/.test(url.pathname) &&
      url.searchParams.get('editable_length') !== '1'
    )
      seen.push(url.searchParams)
  })
  return seen
}

/**
 * How many times the log's pages of location 1 started fetching, as the query cache records it:
 * at once, in the same turn as the shortcut that asks, where a request may wait for the rate
 * limiter. So "no refresh" can be checked the moment the keys are handled, with no sleep.
 */
function watchLogFetches(queryClient: QueryClient): { count: () => number } {
  const prefix = JSON.stringify(queryKeys.transactionLists(1)).slice(0, -1)
  let count = 0
  queryClient.getQueryCache().subscribe((event) => {
    if (
      event.type === 'updated' &&
      event.action.type === 'fetch' &&
      JSON.stringify(event.query.queryKey).startsWith(prefix)
    )
      count++
  })
  return { count: () => count }
}

/**
 * Presses R where it must refresh and waits for that refresh to start and end: the later, positive
 * event that proves the watcher sees refreshes, so its silence before it meant something.
 */
async function refreshWithR(
  user: ReturnType<typeof renderApp>['user'],
  fetches: { count: () => number },
) {
  const before = fetches.count()
  await user.keyboard('r')
  await waitFor(() => expect(fetches.count()).toBe(before + 1))
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('data-loading'),
  )
}

const navigation = () => screen.getByRole('navigation', { name: 'Main navigation' })
const printDialog = () => screen.findByRole('dialog', { name: 'Print receipt' })
const shortcutsDialog = () => screen.findByRole('dialog', { name: 'Keyboard shortcuts' })

async function openLog() {
  const view = renderApp(LOG)
  await screen.findByRole('table')
  return view
}

beforeEach(() => signInAsManager())
afterEach(() => server.events.removeAllListeners())

describe('cashier mode', () => {
  it('shows only what a cashier needs, and switching it off brings the rest back', async () => {
    const { user } = await openLog()
    expect(within(navigation()).getByRole('link', { name: 'Overview' })).toBeInTheDocument()
    expect(html).not.toHaveAttribute('data-cashier-mode')

    await user.click(screen.getByRole('switch', { name: 'Cashier mode' }))
    expect(screen.getByRole('switch', { name: 'Cashier mode' })).toBeChecked()
    expect(html).toHaveAttribute('data-cashier-mode')
    // The navigation: the log of the location, and signing out.
    expect(
      within(navigation())
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Transactions'])
    for (const admin of ['Overview', 'Tax systems', 'KKM callback'])
      expect(screen.queryByRole('link', { name: admin })).not.toBeInTheDocument()
    expect(within(navigation()).getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
    // The log: today's, with the status and operation filters, printing and the shift.
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument()
    expect(screen.queryByLabelText('To')).not.toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Operation' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Print receipt' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument()
    expect(await screen.findByText(/^Shift (open|closed)$/)).toBeInTheDocument()
    expect(screen.getByRole('table')).toBeInTheDocument()

    await user.click(screen.getByRole('switch', { name: 'Cashier mode' }))
    expect(html).not.toHaveAttribute('data-cashier-mode')
    expect(within(navigation()).getByRole('link', { name: 'Tax systems' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument()
    expect(screen.getByLabelText('From')).toBeInTheDocument()
  })

  it('says when a link shows other days than today, and leads back to today', async () => {
    rememberCashierMode()
    const seen = countLogRequests()
    const { user } = renderApp(`${LOG}?from=2026-11-01&to=2026-11-27`)
    await screen.findByRole('table')
    expect(screen.getByText('Showing 1 Nov 2026 to 27 Nov 2026, not today.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Back to today' }))
    await waitFor(() =>
      expect(
        seen.some(
          (q) => q.get('start_date') === '2026-11-28' && q.get('end_date') === '2026-11-28',
        ),
      ).toBe(true),
    )
    expect(screen.queryByText(/not today/)).not.toBeInTheDocument()
  })
})

describe('keyboard shortcuts', () => {
  it.each(['normal', 'cashier'] as const)('each does its action, in %s mode', async (mode) => {
    if (mode === 'cashier') rememberCashierMode()
    const seen = countLogRequests()
    const { user } = await openLog()
    expect(html.hasAttribute('data-cashier-mode')).toBe(mode === 'cashier')

    // / : find a document — Print receipt, typing in its Document id, the slash not typed.
    await user.keyboard('/')
    let dialog = await printDialog()
    const documentId = within(dialog).getByRole('textbox', { name: 'Document id' })
    await waitFor(() => expect(documentId).toHaveFocus())
    expect(documentId).toHaveValue('')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    // p : print a receipt.
    await user.keyboard('p')
    dialog = await printDialog()
    expect(within(dialog).getByRole('textbox', { name: 'Document id' })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    // r : refresh the log, as the Refresh button does.
    const before = seen.length
    await user.keyboard('r')
    await waitFor(() => expect(seen.length).toBe(before + 1))

    // l : the location switcher.
    await user.keyboard('l')
    expect(screen.getByRole('combobox', { name: 'Location' })).toHaveFocus()
    screen.getByRole('button', { name: 'Refresh' }).focus()

    // ? : the list of shortcuts; Escape closes it and focus goes back.
    await user.keyboard('{Shift>}?{/Shift}')
    dialog = await shortcutsDialog()
    for (const action of [
      'Switch location',
      'Show these shortcuts',
      'Close a dialog',
      'Find a document',
      'Print a receipt',
      'Refresh the log',
    ])
      expect(dialog).toHaveTextContent(action)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(screen.getByRole('button', { name: 'Refresh' })).toHaveFocus())
  })

  it('opens the list from the header’s button too, and gives focus back to it', async () => {
    const { user } = await openLog()
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' })
    await user.click(button)
    const dialog = await shortcutsDialog()
    expect(within(dialog).getAllByRole('table')).toHaveLength(2)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(button).toHaveFocus())
  })

  it('do nothing while the user types in a field', async () => {
    const { user, queryClient } = await openLog()
    const fetches = watchLogFetches(queryClient)
    const location = screen.getByRole('combobox', { name: 'Location' })
    await user.click(location)
    await user.keyboard('r/p?l')
    expect(location).toHaveFocus()
    // The keys went into the search, after the current location's name.
    expect((location as HTMLInputElement).value).toMatch(/r\/p\?l$/)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(fetches.count()).toBe(0)
    // Out of the field, the same key refreshes: the watcher would have seen the typed one.
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('heading', { level: 1 }))
    await refreshWithR(user, fetches)
    expect(fetches.count()).toBe(1)
  })

  it('do nothing while a dialog is open, but Escape still closes it', async () => {
    const { user, queryClient } = await openLog()
    const fetches = watchLogFetches(queryClient)
    await user.click(screen.getByRole('button', { name: 'Print receipt' }))
    const dialog = await printDialog()
    // Not typing: on the dialog's operation choice.
    within(dialog).getByRole('radio', { name: 'Sale' }).focus()
    await user.keyboard('{Shift>}?{/Shift}rl')
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Location' })).not.toHaveFocus()
    expect(fetches.count()).toBe(0)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    // Once the dialog is gone R refreshes, and the watcher sees it.
    await refreshWithR(user, fetches)
    expect(fetches.count()).toBe(1)
  })

  it('leave the browser’s own keys alone (Ctrl+R), and do not refresh again while loading', async () => {
    const seen = countLogRequests()
    const { user, queryClient } = await openLog()
    const fetches = watchLogFetches(queryClient)
    await user.keyboard('{Control>}r{/Control}')
    expect(fetches.count()).toBe(0)
    const before = seen.length

    setScenario({ latencyMs: 800 })
    await user.keyboard('r')
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Refresh' })).toHaveAttribute('data-loading'),
    )
    await user.keyboard('r')
    await user.keyboard('r')
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('data-loading'),
    )
    // One refresh in all: neither Ctrl+R before it nor the R presses while it loaded started one.
    expect(fetches.count()).toBe(1)
    expect(seen.length).toBe(before + 1)
  })

  it('answer on a Russian layout too, by the key’s place', async () => {
    const seen = countLogRequests()
    await openLog()
    const before = seen.length
    // The R key types "к" there, the P key "з".
    fireEvent.keyDown(document.body, { key: 'к', code: 'KeyR' })
    await waitFor(() => expect(seen.length).toBe(before + 1))
    fireEvent.keyDown(document.body, { key: 'з', code: 'KeyP' })
    expect(await printDialog()).toBeInTheDocument()
    fireEvent.keyDown(document.body, { key: 'Escape', code: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    // The / key types "." there: still Find a document.
    fireEvent.keyDown(document.body, { key: '.', code: 'Slash' })
    const dialog = await printDialog()
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Document id' })).toHaveFocus(),
    )
  })
})

/**
 * A screen this wide, as far as the app's media queries can tell: jsdom lays nothing out, so the
 * queries (Mantine's breakpoints, in em) are answered for the width asked.
 */
function screenWidth(px: number) {
  window.matchMedia = answeringMediaQueries((query) => {
    const [, kind, value] = /\((max|min)-width:\s*([\d.]+)em\)/.exec(query) ?? []
    const limit = Number(value) * 16
    return kind === 'max' ? px <= limit : kind === 'min' ? px >= limit : false
  })
}

describe('the shell on a tablet and a phone', () => {
  const desktopMatchMedia = window.matchMedia
  afterEach(() => {
    window.matchMedia = desktopMatchMedia
  })

  it('drops the sidebar in cashier mode on a tablet: the burger opens it, Escape closes it', async () => {
    screenWidth(800)
    rememberCashierMode()
    const { user } = await openLog()
    // Out of the way and out of the Tab order until asked for.
    expect(navigation()).toHaveAttribute('inert')
    const burger = screen.getByRole('button', { name: 'Toggle navigation' })
    expect(burger).toHaveAttribute('aria-expanded', 'false')
    await user.click(burger)
    expect(burger).toHaveAttribute('aria-expanded', 'true')
    expect(navigation()).not.toHaveAttribute('inert')
    // The open drawer covers the page: nothing under it takes the focus.
    expect(screen.getByRole('main', { hidden: true })).toHaveAttribute('inert')
    within(navigation()).getByRole('link', { name: 'Transactions' }).focus()
    await user.keyboard('{Escape}')
    expect(navigation()).toHaveAttribute('inert')
    expect(screen.getByRole('main')).not.toHaveAttribute('inert')
    expect(burger).toHaveFocus()
  })

  it('keeps the sidebar on a tablet outside cashier mode', async () => {
    screenWidth(800)
    await openLog()
    expect(navigation()).not.toHaveAttribute('inert')
    expect(within(navigation()).getByRole('link', { name: 'Tax systems' })).toBeInTheDocument()
  })

  it('on a phone, keeps the burger and the location in the header and moves the rest to the drawer', async () => {
    screenWidth(390)
    const { user } = await openLog()
    const header = screen.getByRole('banner')
    expect(within(header).getByRole('button', { name: 'Toggle navigation' })).toBeInTheDocument()
    expect(within(header).getByRole('combobox', { name: 'Location' })).toBeInTheDocument()
    expect(within(header).queryByRole('switch')).not.toBeInTheDocument()
    expect(within(header).queryByRole('button', { name: 'Keyboard shortcuts' })).toBeNull()
    expect(within(header).queryByRole('button', { name: /theme/ })).toBeNull()

    // A drawer not yet opened holds nothing (its links are drawn on the first open), and the
    // header's closed location list is not in the page either.
    expect(within(navigation()).queryAllByRole('link', { hidden: true })).toHaveLength(0)
    expect(screen.queryAllByRole('listbox', { hidden: true })).toHaveLength(0)

    await user.click(within(header).getByRole('button', { name: 'Toggle navigation' }))
    const drawer = navigation()
    expect(within(drawer).getByRole('link', { name: 'Tax systems' })).toBeInTheDocument()
    expect(within(drawer).getByRole('switch', { name: 'Cashier mode' })).toBeInTheDocument()
    expect(within(drawer).getByRole('button', { name: 'Switch to dark theme' })).toBeInTheDocument()
    await user.click(within(drawer).getByRole('button', { name: 'Keyboard shortcuts' }))
    expect(await shortcutsDialog()).toBeInTheDocument()
    // Escape is the dialog's: the drawer under it stays open.
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(drawer).not.toHaveAttribute('inert')
  })
})

describe('skip link', () => {
  it('is the first Tab stop and takes the focus to the log', async () => {
    const { user } = await openLog()
    await user.tab()
    const skip = screen.getByRole('link', { name: 'Skip to content' })
    expect(skip).toHaveFocus()
    await user.keyboard('{Enter}')
    const main = screen.getByRole('main')
    expect(main).toHaveFocus()
    expect(within(main).getByRole('table')).toBeInTheDocument()
  })

  it('speaks Russian on a Russian page', async () => {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ locale: 'ru' }))
    const { user } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { level: 1 })
    await user.tab()
    expect(screen.getByRole('link', { name: 'Перейти к содержимому' })).toHaveFocus()
  })
})
