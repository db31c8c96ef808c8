import { screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ru } from '@/i18n/messages/ru'
import { db } from '@/mocks/db'
import { server } from '@/mocks/node'
import { configureLiveLog } from '@/pages/transactions/useLiveLog'
import { setPreference } from '@/preferences/store'
import { renderApp, signInAsManager } from './render'
import { SEEDED_DOCUMENT, seedReceipt } from './seed'

const LOG = '/locations/1/transactions'
// The harness's clock (test/setup.ts): noon UTC, 15:00 in Moscow, on this day.
const TODAY = '2026-11-28'

function watchLogQueries() {
  const queries: URLSearchParams[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (request.method === 'GET' && /\/kkm_transactions\/\d+$/.test(url.pathname))
      queries.push(url.searchParams)
  })
  return queries
}

/** The transaction ids of the rows on screen, in their order. */
function shownIds(): number[] {
  return [...document.querySelectorAll('[data-row-id]')].map((row) =>
    Number(row.getAttribute('data-row-id')),
  )
}

/** Location 1's stored log of today at the mock: what the API holds, not what the page shows. */
function storedToday() {
  return (db.transactions.get(1) ?? []).filter((t) => t.print_date.startsWith(TODAY))
}

beforeEach(() => signInAsManager())
afterEach(() => {
  server.events.removeAllListeners()
  configureLiveLog(null)
  Reflect.deleteProperty(document, 'visibilityState')
})

describe('typing a day', () => {
  it('in Russian, 15.11.2026 lands as typed: nothing is asked mid-typing, the URL keeps ISO', async () => {
    setPreference('locale', 'ru')
    const queries = watchLogQueries()
    const { user, address } = renderApp(LOG)
    await screen.findByRole('table')
    const from = screen.getByRole('textbox', { name: ru.log.filters.from })
    expect(from).toHaveValue('28.11.2026')
    expect(from).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ')
    const asked = queries.length
    await user.clear(from)
    await user.type(from, '15.11.2026')
    // Typed, not yet committed: the field keeps every keystroke and nothing was read.
    expect(from).toHaveValue('15.11.2026')
    expect(address.current.search).toBe('')
    expect(queries.slice(asked).filter((q) => q.get('start_date') !== TODAY)).toEqual([])
    await user.keyboard('{Enter}')
    await waitFor(() => expect(address.current.search).toBe(`?from=2026-11-15&to=${TODAY}`))
    await waitFor(() =>
      expect(queries.some((q) => q.get('start_date') === '2026-11-15')).toBe(true),
    )
    expect(from).toHaveValue('15.11.2026')
  })

  it('in English, 2026-11-15 lands as typed when the field is left', async () => {
    const queries = watchLogQueries()
    const { user, address } = renderApp(LOG)
    await screen.findByRole('table')
    const from = screen.getByRole('textbox', { name: 'From' })
    expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD')
    await user.clear(from)
    await user.type(from, '2026-11-15')
    expect(address.current.search).toBe('')
    await user.tab()
    await waitFor(() => expect(address.current.search).toBe(`?from=2026-11-15&to=${TODAY}`))
    await waitFor(() =>
      expect(
        queries.some((q) => q.get('start_date') === '2026-11-15' && q.get('end_date') === TODAY),
      ).toBe(true),
    )
  })

  it('says what is wrong with a day that is not one, at the field, and keeps it', async () => {
    const { user, address } = renderApp(LOG)
    await screen.findByRole('table')
    const from = screen.getByRole('textbox', { name: 'From' })
    await user.clear(from)
    await user.type(from, '15.11.2026{Enter}')
    expect(await screen.findByText('Type a date as YYYY-MM-DD')).toBeInTheDocument()
    expect(from).toHaveValue('15.11.2026')
    expect(from).toHaveAttribute('aria-invalid', 'true')
    expect(address.current.search).toBe('')
  })

  it('puts a To before From on the To field, with what was typed kept, and the link untouched', async () => {
    const { user, address } = renderApp(`${LOG}?from=2026-11-20&to=2026-11-25`)
    await screen.findByRole('table')
    const to = screen.getByRole('textbox', { name: 'To' })
    await user.clear(to)
    await user.type(to, '2026-11-10{Enter}')
    expect(await screen.findByText('This is before the From date')).toBeInTheDocument()
    expect(to).toHaveValue('2026-11-10')
    expect(address.current.search).toBe('?from=2026-11-20&to=2026-11-25')
    // Nothing blames the link for what the user typed.
    expect(screen.queryByText(/ended before it started/)).not.toBeInTheDocument()
  })

  it('offers the usual days, counted from the location’s today', async () => {
    const { user, address } = renderApp(LOG)
    await screen.findByRole('table')
    const presets = screen.getByRole('group', { name: 'Days' })
    expect(screen.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('button', { name: 'Yesterday' }))
    await waitFor(() => expect(address.current.search).toBe('?from=2026-11-27&to=2026-11-27'))
    expect(screen.getByRole('textbox', { name: 'From' })).toHaveValue('2026-11-27')
    await user.click(screen.getByRole('button', { name: 'Last 7 days' }))
    await waitFor(() => expect(address.current.search).toBe(`?from=2026-11-22&to=${TODAY}`))
    expect(presets).toBeInTheDocument()
  })
})

describe('finding a receipt', () => {
  it('“All failures” is one pick: statuses 0, 3 and 4, filtered over the whole range', async () => {
    const queries = watchLogQueries()
    const { user, address } = renderApp(LOG)
    await screen.findByRole('table')
    await user.click(screen.getByRole('combobox', { name: 'Status' }))
    // By meaning: in flight first, then done, then the failures; not by id.
    const names = screen.getAllByRole('option').map((option) => option.textContent)
    expect(names).toEqual([
      'All statuses',
      'All in flight',
      'Sent for printing',
      'Waiting for register',
      'Success',
      'All failures',
      'Connection error',
      'Runtime error',
      'Status check error',
    ])
    await user.click(screen.getByRole('option', { name: 'All failures' }))
    await waitFor(() => expect(address.current.search).toBe('?status=0%2C3%2C4'))
    const failed = storedToday()
      .filter((t) => [0, 3, 4].includes(t.status.id))
      .map((t) => t.id)
    // The day holds failures and other rows alike, so the filter has something to leave out.
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.length).toBeLessThan(storedToday().length)
    await waitFor(() => expect(shownIds().sort()).toEqual(failed.sort()))
    // The API takes one status per request: the range was read without one.
    expect(queries.at(-1)?.has('status')).toBe(false)
  })

  it('finds a document by its number, and the search is in the link', async () => {
    const sale = seedReceipt(5)
    const { user, address } = renderApp(LOG)
    await screen.findByRole('table')
    await user.type(
      screen.getByRole('searchbox', { name: 'Find a receipt' }),
      `${SEEDED_DOCUMENT}{Enter}`,
    )
    await waitFor(() => expect(address.current.search).toBe(`?q=${SEEDED_DOCUMENT}`))
    await waitFor(() => expect(shownIds()).toEqual([sale.id]))
  })

  it('names operations in the API’s words, the two corrections apart, without codes', async () => {
    const { user } = renderApp(LOG)
    await screen.findByRole('table')
    await user.click(screen.getByRole('combobox', { name: 'Operation' }))
    expect(screen.getByRole('option', { name: 'Sale' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: 'Correction (first kind)' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: 'Correction (second kind)' })).toBeInTheDocument()
    expect(screen.queryByRole('option', { name: /\(\d+\)/ })).not.toBeInTheDocument()
  })
})

describe('the live log', () => {
  it('reads itself again while visible, says when it last did, and stops while hidden', async () => {
    configureLiveLog({ intervalMs: 150 })
    const queries = watchLogQueries()
    renderApp(LOG)
    await screen.findByRole('table')
    expect(screen.getByText('Updated just now')).toBeInTheDocument()
    const first = queries.length
    await waitFor(() => expect(queries.length).toBeGreaterThanOrEqual(first + 2))

    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    // Quiet for eight intervals in a row: still polling, it never is and the wait fails.
    await waitFor(
      async () => {
        const before = queries.length
        await new Promise((resolve) => setTimeout(resolve, 1_200))
        expect(queries.length).toBe(before)
      },
      { timeout: 10_000 },
    )
  })
})
