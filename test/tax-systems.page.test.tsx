import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { server } from '@/mocks/node'
import { setScenario } from '@/mocks/scenarios'
import { setPreference } from '@/preferences/store'
import { renderApp, signInAsManager } from './render'

function recordRequests() {
  const paths: string[] = []
  server.events.on('request:start', ({ request }) => paths.push(new URL(request.url).pathname))
  return paths
}

describe('tax systems page', () => {
  it('shows the six tax systems of country 1 with their VAT slugs, each copyable', async () => {
    signInAsManager()
    renderApp('/tax-systems/1')
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
    const systems = screen.getAllByRole('region')
    expect(systems.map((s) => within(s).getAllByRole('heading')[0]?.textContent)).toEqual([
      'General DOS',
      'Simplified simplified tax system (Income)',
      'Simplified simplified tax system (Income minus Expense)',
      'Single tax on imputed income UTII',
      'Unified agricultural tax UST',
      'Patent taxation system',
    ])
    const general = screen.getByRole('region', { name: 'General DOS' })
    for (const slug of ['ru_osn', 'ru_vat_0', 'ru_vat_10', 'ru_vat_20', 'ru_vat_none']) {
      expect(within(general).getByText(slug)).toBeInTheDocument()
      expect(within(general).getByRole('button', { name: `Copy ${slug}` })).toBeInTheDocument()
    }
  })

  it('copies a slug in one click', async () => {
    signInAsManager()
    const { user } = renderApp('/tax-systems/1')
    await user.click(await screen.findByRole('button', { name: 'Copy ru_psn' }))
    expect(await navigator.clipboard.readText()).toBe('ru_psn')
    expect(screen.getByRole('button', { name: 'Copied ru_psn' })).toBeInTheDocument()
  })

  it('moves between countries through the picker, with the country in the URL', async () => {
    signInAsManager()
    const { user, address } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    await user.clear(screen.getByRole('combobox', { name: 'Country' }))
    await user.type(screen.getByRole('combobox', { name: 'Country' }), 'kaz')
    await user.click(await screen.findByRole('option', { name: 'Kazakhstan (KZ)' }))
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Kazakhstan' }),
    ).toBeInTheDocument()
    expect(address.current.pathname).toBe('/tax-systems/3')
    expect(screen.getByText('kz_vat_12')).toBeInTheDocument()
  })

  it('says so when a country has no tax systems', async () => {
    signInAsManager()
    renderApp('/tax-systems/7')
    // The country in the language shown (Intl's name for US), not the API's "USA".
    expect(
      await screen.findByText(/No tax systems are registered for United States/),
    ).toHaveAttribute('role', 'status')
  })

  it('shows a server error with a retry that works', async () => {
    signInAsManager()
    setScenario({ fault: 'server-error', faultOperation: 'listTaxSystems' })
    const { user } = renderApp('/tax-systems/1')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The server had a problem')
    expect(alert).toHaveTextContent('Internal server error.')
    setScenario({ fault: null })
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
  })

  it('refuses a non-numeric id without asking the API for tax systems', async () => {
    signInAsManager()
    const paths = recordRequests()
    renderApp('/tax-systems/abc')
    expect(await screen.findByRole('alert')).toHaveTextContent('“abc” is not a country id')
    expect(paths.some((p) => p.includes('tax_system'))).toBe(false)
    server.events.removeAllListeners()
  })

  it('handles the 404 of an unknown country', async () => {
    signInAsManager()
    renderApp('/tax-systems/999')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The API does not know a country with id 999',
    )
  })

  it('asks for countries and tax systems once within their cache lifetime', async () => {
    signInAsManager()
    const paths = recordRequests()
    const { user } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    const picker = screen.getByRole('combobox', { name: 'Country' })
    await user.click(picker)
    await user.click(await screen.findByRole('option', { name: /France/ }))
    await screen.findByRole('heading', { name: 'Tax systems of France' })
    await user.click(picker)
    await user.click(await screen.findByRole('option', { name: /Russia/ }))
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    expect(paths.filter((p) => p.endsWith('/countries'))).toHaveLength(1)
    expect(paths.filter((p) => p.endsWith('/tax_system/1'))).toHaveLength(1)
    server.events.removeAllListeners()
  })
})

describe('the words of the tax systems page', () => {
  it('names countries in Russian from their ISO codes, and writes rates as Russian does', async () => {
    setPreference('locale', 'ru')
    signInAsManager()
    const { user } = renderApp('/tax-systems/56')
    expect(
      await screen.findByRole('heading', { name: 'Налоговые системы: Франция' }),
    ).toBeInTheDocument()
    const country = screen.getByRole('combobox', { name: 'Страна' })
    await waitFor(() => expect(country).toHaveValue('Франция (FR)'))
    const rates = screen.getByRole('table', { name: 'Ставки НДС: Régime réel normal' })
    const cells = within(rates)
      .getAllByRole('cell')
      .map((cell) => (cell.textContent ?? '').replace(/\s/g, ' '))
    expect(cells).toContain('5,5 %')
    expect(cells).toContain('20 %')
    expect(cells).not.toContain('5.5%')
    // A title that is more than a rate stays as the API wrote it.
    expect(screen.getByText('TVA non applicable, art. 293 B du CGI')).toBeInTheDocument()
    await user.click(country)
    expect(await screen.findByRole('option', { name: 'Россия (RU)' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: 'Соединенные Штаты (US)' })).toBeInTheDocument()
  })

  it('writes rates as English does', async () => {
    signInAsManager()
    renderApp('/tax-systems/56')
    const rates = await screen.findByRole('table', { name: 'VAT rates of Régime réel normal' })
    expect(within(rates).getByText('5.5%')).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('France (FR)')
  })
})

describe('routing', () => {
  it('shows a not-found page inside the shell', async () => {
    signInAsManager()
    renderApp('/no/such/page')
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toBeInTheDocument()
  })
})
