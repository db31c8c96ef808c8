import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { formatMoney } from '@/i18n/format'
import { ru } from '@/i18n/messages/ru'
import { db, DOCUMENT_TITLES, isoInZone, OPERATION_TITLES, type MockTransaction } from '@/mocks/db'
import { server } from '@/mocks/node'
import { getPreference, setPreference } from '@/preferences/store'
import { renderApp, signInAsManager } from './render'

const LOG = '/locations/1/transactions'
const MOSCOW = 3

function seed(overrides: Partial<MockTransaction>): MockTransaction {
  const transaction: MockTransaction = {
    id: 910_001,
    print_date: isoInZone(Date.now() - 5 * 60_000, MOSCOW),
    printed_count: 1,
    sum: 12345.5,
    type: { id: 0, title: OPERATION_TITLES[0] },
    status: { id: 1, title: 'Success' },
    document: { id: 880_001, type: 7, type_title: DOCUMENT_TITLES[7] },
    cashier: { id: 5, name: 'Test Cashier' },
    ...overrides,
  }
  db.transactions.get(1)?.unshift(transaction)
  return transaction
}

describe('languages', () => {
  it('switches the sign-in page to Russian, remembers it, and sets <html lang>', async () => {
    const { user, unmount } = renderApp('/sign-in')
    expect(await screen.findByLabelText(/^Partner token/)).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')

    await user.click(screen.getByText('Русский'))
    expect(await screen.findByLabelText(new RegExp(`^${ru.tokens.partner}`))).toBeInTheDocument()
    expect(screen.getByRole('button', { name: ru.signIn.submit })).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Partner token/)).toBeNull()
    expect(document.documentElement.lang).toBe('ru')
    expect(getPreference('locale')).toBe('ru')

    // A new render (a reload) starts in the remembered language.
    unmount()
    renderApp('/sign-in')
    expect(await screen.findByRole('button', { name: ru.signIn.submit })).toBeInTheDocument()
  })

  it('shows the log in Russian: headers, status titles, money and dates for ru-RU', async () => {
    const sale = seed({})
    setPreference('locale', 'ru')
    signInAsManager()
    renderApp(LOG)
    const row = await waitFor(() => {
      const found = document.querySelector(`[data-row-id="${sale.id}"]`)
      expect(found).not.toBeNull()
      return found as HTMLElement
    })
    expect(screen.getByRole('button', { name: ru.table.sortBy(ru.table.sum) })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: ru.table.document })).toBeInTheDocument()
    const cells = within(row)
    expect(cells.getByText(ru.enums.printStatus[1] ?? '')).toBeInTheDocument()
    // Intl puts no-break spaces in ru-RU numbers; the DOM query collapses whitespace, so compare so too.
    const text = (row.textContent ?? '').replace(/\s+/g, ' ')
    const spaced = (value: string) => value.replace(/\s+/g, ' ')
    expect(text).toContain(spaced(formatMoney(sale.sum, '₽', 'ru-RU')))
    const printed = new Intl.DateTimeFormat('ru-RU', {
      timeZone: 'Europe/Moscow',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(sale.print_date))
    expect(text).toContain(spaced(printed))
    expect(
      cells.getByText(`${ru.enums.documentType[7] ?? ''} #${sale.document.id}`),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: ru.log.refresh })).toBeInTheDocument()
  })

  it('raises its toasts in Russian, their close button included (a 429 slows the log down)', async () => {
    setPreference('locale', 'ru')
    server.use(
      http.get(
        '*/api/v1/kkm_transactions/:locationId',
        () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '1' } }),
        { once: true },
      ),
    )
    signInAsManager()
    renderApp(`${LOG}?from=2026-11-01&to=2026-11-27`)
    const title = await screen.findByText(ru.toasts.slowTitle)
    const toast = title.closest<HTMLElement>('[role="alert"]')
    if (!toast) throw new Error('the toast is not an alert')
    expect(toast).toHaveTextContent(ru.toasts.slowMessage(1))
    expect(
      within(toast).getByRole('button', { name: ru.common.closeNotification }),
    ).toBeInTheDocument()
  })

  it('shows an unknown status with the API’s own title, as sent', async () => {
    const odd = seed({
      id: 910_002,
      status: {
        id: 6,
        title: 'Фискальный накопитель заполнен',
      } as unknown as MockTransaction['status'],
    })
    setPreference('locale', 'ru')
    signInAsManager()
    renderApp(LOG)
    const row = await waitFor(() => {
      const found = document.querySelector(`[data-row-id="${odd.id}"]`)
      expect(found).not.toBeNull()
      return found as HTMLElement
    })
    expect(within(row).getByText('Фискальный накопитель заполнен')).toBeInTheDocument()
  })
})

describe('the administrator’s pages in Russian', () => {
  it('shows the overview in Russian, with Russian plurals and the API’s location names', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    renderApp('/overview')
    expect(await screen.findByRole('heading', { name: ru.overview.title })).toBeInTheDocument()
    const card = await screen.findByRole('region', { name: 'Beauty Lab on Tverskaya' })
    const total = await within(card).findByRole('link', { name: /за сегодня/ })
    const count = Number((total.textContent ?? '').replace(/\D/g, ''))
    expect(total).toHaveAccessibleName(
      `${ru.overview.total(count, new Intl.NumberFormat('ru-RU').format(count))} ${ru.overview.at('Beauty Lab on Tverskaya')}`,
    )
    expect(
      within(card).getByRole('heading', { name: ru.overview.receiptsHeading }),
    ).toBeInTheDocument()
  })

  it('shows tax systems in Russian around the API’s own titles', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    renderApp('/tax-systems/1')
    expect(await screen.findByRole('heading', { name: ru.taxSystems.title })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe(`${ru.taxSystems.title} · ${ru.app.name}`))
    expect(
      await screen.findByRole('heading', { name: 'Налоговые системы: Россия' }),
    ).toBeInTheDocument()
    const vats = screen.getByRole('table', { name: ru.taxSystems.vatsOf('General DOS') })
    expect(within(vats).getByRole('columnheader', { name: ru.taxSystems.vatRate })).toBeVisible()
  })

  it('names each page one way: the menu, the heading and the tab agree', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    const { user } = renderApp('/overview')
    const menu = await screen.findByRole('navigation', { name: 'Главное меню' })
    for (const name of ['Колбэк ККМ', 'Налоговые системы']) {
      await user.click(within(menu).getByRole('link', { name }))
      expect(
        await screen.findByRole('heading', { level: 1, name: new RegExp(`^${name}`) }),
      ).toBeVisible()
      await waitFor(() => expect(document.title).toMatch(new RegExp(`^${name}.* · Консоль ККМ$`)))
    }
    expect(within(menu).queryByText(/Callback|Системы налогообложения/)).toBeNull()
  })

  it('names the printing statuses in words short enough for the badge', async () => {
    for (const [id, word] of [
      [0, 'Ошибка связи'],
      [2, 'На печати'],
      [4, 'Ошибка проверки'],
    ] as const) {
      expect(ru.enums.printStatus[id]).toBe(word)
    }
    const longest = Math.max(...Object.values(ru.enums.printStatus).map((word) => word.length))
    expect(longest).toBeLessThanOrEqual(17)
  })

  it('checks the callback form in Russian and names the codes in Russian', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    const { user } = renderApp('/callback')
    expect(await screen.findByRole('heading', { name: ru.callback.title })).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: ru.callback.error }))
    await user.click(screen.getByRole('button', { name: ru.callback.send }))
    expect(await screen.findByText(ru.callback.requestIdRequired)).toBeInTheDocument()
    expect(screen.getByText(ru.callback.codeRequired)).toBeInTheDocument()
    expect(screen.getByText(ru.callback.messageRequired)).toBeInTheDocument()
    await user.click(screen.getByRole('combobox', { name: new RegExp(`^${ru.callback.code}`) }))
    expect(
      await screen.findByRole('option', { name: `2002 — ${ru.enums.callbackCode[2002]}` }),
    ).toBeInTheDocument()
  })
})
