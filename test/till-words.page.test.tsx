import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { server } from '@/mocks/node'
import { setScenario } from '@/mocks/scenarios'
import { setPreference } from '@/preferences/store'
import { renderApp, signInAsCashier, signInAsManager } from './render'

/** Location 2 is not the cashier's: the API answers its log with a 403. */
const NOT_THE_CASHIERS = '/locations/2/transactions'
/** Location 5 has no transactions at all. */
const EMPTY = '/locations/5/transactions'

function logRequests() {
  const paths: string[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (/\/kkm_transactions\/\d+$/.test(url.pathname)) paths.push(url.pathname)
  })
  return paths
}

afterEach(() => {
  server.events.removeAllListeners()
})

describe('a location the API refuses (403)', () => {
  it('says so once, with the way back to the user’s own locations, and turns printing and export off', async () => {
    signInAsCashier()
    const { user, address } = renderApp(NOT_THE_CASHIERS)
    const message = await screen.findByText(/it is not one of the locations you manage/)
    const alert = message.closest<HTMLElement>('[role="alert"]')
    if (!alert) throw new Error('the 403 is not an alert')
    expect(alert).toHaveTextContent(/^Access denied/)
    // One message: not also the not-in-your-list note, the bare 403 or a shift error.
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(screen.queryByText(/is not in your list of locations/)).toBeNull()
    expect(screen.queryByText(/Shift state unknown/)).toBeNull()
    const print = screen.getByRole('button', { name: 'Print receipt' })
    expect(print).toBeDisabled()
    // Nor does its key promise a print (the log's P and / are unbound here).
    expect(print).not.toHaveAttribute('aria-keyshortcuts')
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()

    await user.click(within(alert).getByRole('link', { name: 'Go to your locations' }))
    // The start page opens the cashier's only location.
    await waitFor(() => expect(address.current.pathname).toBe('/locations/1/transactions'))
  })

  it('says what is true when the API refuses a location it lists as the user’s', async () => {
    setScenario({ fault: 'forbidden', faultOperation: 'listKkmTransactions' })
    signInAsManager()
    renderApp('/locations/1/transactions')
    const message = await screen.findByText(/though it lists the location as yours/)
    expect(message.closest('[role="alert"]')).toHaveTextContent(/^Access denied/)
    expect(screen.queryByText(/not one of the locations you manage/)).toBeNull()
    expect(screen.getByRole('link', { name: 'Go to your locations' })).toBeInTheDocument()
  })

  it('says the same in Russian', async () => {
    setPreference('locale', 'ru')
    signInAsCashier()
    renderApp(NOT_THE_CASHIERS)
    const message = await screen.findByText(/API не показывает вам журнал филиала 2/)
    const alert = message.closest<HTMLElement>('[role="alert"]')
    if (!alert) throw new Error('the 403 is not an alert')
    expect(alert).toHaveTextContent(/^Доступ запрещён/)
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(within(alert).getByRole('link', { name: 'К вашим филиалам' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Печать чека' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Экспорт в CSV' })).toBeDisabled()
  })
})

describe('empty states say what is true', () => {
  it('today without filters: nothing yet today, and no button to today’s log', async () => {
    signInAsManager()
    renderApp(EMPTY)
    const status = await screen.findByText('No transactions yet today.')
    expect(status).toBeInTheDocument()
    expect(screen.queryByText(/match these filters/)).toBeNull()
    expect(screen.queryByRole('button', { name: 'Show today’s log' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Clear the filters' })).toBeNull()
  })

  it('other days without filters: no filter to match, and the way to today', async () => {
    signInAsManager()
    const requests = logRequests()
    const { user, address } = renderApp(`${EMPTY}?from=2026-10-01&to=2026-10-02`)
    expect(
      await screen.findByText('No transactions between 1 Oct 2026 and 2 Oct 2026.'),
    ).toBeInTheDocument()
    expect(screen.queryByText(/match these filters/)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Show today’s log' }))
    await waitFor(() => expect(address.current.search).toBe(''))
    await waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(2))
  })

  it('with a filter set: the filter matched nothing, and the filters can be cleared', async () => {
    signInAsManager()
    const { user, address } = renderApp(`${EMPTY}?type=0`)
    expect(await screen.findByText(/^No transactions match these filters between/)).toBeVisible()
    expect(screen.queryByRole('button', { name: 'Show today’s log' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }))
    await waitFor(() => expect(address.current.search).toBe(''))
    expect(await screen.findByText('No transactions yet today.')).toBeInTheDocument()
  })

  it('in Russian', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    const { unmount } = renderApp(EMPTY)
    expect(await screen.findByText('Сегодня транзакций пока нет.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Показать журнал за сегодня' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Сбросить фильтры' })).toBeNull()
    unmount()
    renderApp(`${EMPTY}?from=2026-10-01&to=2026-10-02`)
    expect(
      await screen.findByText('С 1 окт. 2026 г. по 2 окт. 2026 г. транзакций нет.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Показать журнал за сегодня' })).toBeInTheDocument()
  })
})

describe('the log’s header names its time zone', () => {
  it('by the zone’s name in English, not its IANA id', async () => {
    signInAsManager()
    renderApp('/locations/1/transactions')
    expect(
      await screen.findByText('KKM transaction log · times in Moscow Standard Time'),
    ).toBeInTheDocument()
    expect(screen.queryByText(/Europe\/Moscow/)).toBeNull()
  })

  it('and in Russian', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    renderApp('/locations/1/transactions')
    expect(
      await screen.findByText('Журнал транзакций ККМ · часовой пояс: Москва, стандартное время'),
    ).toBeInTheDocument()
  })

  it('names the printed-count column for what it counts', async () => {
    signInAsManager()
    renderApp('/locations/1/transactions')
    expect(await screen.findByRole('columnheader', { name: /Copies printed/ })).toBeInTheDocument()
  })
})
