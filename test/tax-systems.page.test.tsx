import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '@/mocks/node'
import { setScenario } from '@/mocks/scenarios'
import { renderApp, signInAsManager } from './render'

describe('tax systems page', () => {
  it('shows the six tax systems of country 1 with their VAT slugs', async () => {
    signInAsManager()
    renderApp('/tax-systems/1')
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
    const systems = screen.getAllByRole('region')
    expect(systems.map((s) => within(s).getByRole('heading').textContent)).toHaveLength(6)
    const general = screen.getByRole('region', { name: 'General DOS' })
    for (const slug of ['ru_osn', 'ru_vat_0', 'ru_vat_10', 'ru_vat_20', 'ru_vat_none']) {
      expect(within(general).getByText(slug)).toBeInTheDocument()
    }
    expect(screen.getByRole('button', { name: 'Copy ru_psn' })).toBeInTheDocument()
  })
})
