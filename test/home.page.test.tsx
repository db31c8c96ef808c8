import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { configureClient } from '@/api/client'
import { db, DEMO } from '@/mocks/db'
import { getPreference, setPreference } from '@/preferences/store'
import { startSession } from '@/session/store'
import { renderApp, signInAsManager } from './render'

function manager() {
  const found = db.users.find((user) => user.userToken === DEMO.userToken)
  if (!found) throw new Error('the demo manager is missing from the mock')
  return found
}

describe('the start page', () => {
  it('asks which location to work at, and remembers the choice', async () => {
    signInAsManager()
    const { user, address } = renderApp('/')
    expect(await screen.findByRole('heading', { name: 'Choose a location' })).toBeInTheDocument()
    // The tab is named after the page, and follows it.
    await waitFor(() => expect(document.title).toBe('Choose a location · KKM Console'))
    const choices = await screen.findAllByRole('link', { name: /\(transaction log\)$/ })
    expect(choices).toHaveLength(manager().locationIds.length)
    // Named by what it shows, then what it opens (WCAG 2.5.3: the visible text starts the name).
    const smile = screen.getByRole('link', {
      name: 'Smile Dental Clinic Yekaterinburg, Lenina Ave, 50 (transaction log)',
    })
    expect(smile).toHaveTextContent('Yekaterinburg, Lenina Ave, 50')

    await user.click(smile)
    await waitFor(() => expect(address.current.pathname).toBe('/locations/2/transactions'))
    expect(getPreference('lastLocationId')).toBe(2)
    expect(await screen.findByRole('heading', { name: 'Smile Dental Clinic' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Smile Dental Clinic · KKM Console'))
  })

  it('opens the remembered location’s log without asking', async () => {
    setPreference('lastLocationId', 4)
    signInAsManager()
    const { address } = renderApp('/')
    await waitFor(() => expect(address.current.pathname).toBe('/locations/4/transactions'))
    expect(screen.queryByRole('heading', { name: 'Choose a location' })).toBeNull()
  })

  it('opens the only location straight away', async () => {
    startSession({
      partnerToken: DEMO.partnerToken,
      userToken: DEMO.cashierToken,
      user: { id: 2, name: 'Jack Smith' },
    })
    const { address } = renderApp('/')
    await waitFor(() => expect(address.current.pathname).toBe('/locations/1/transactions'))
    expect(await screen.findByRole('heading', { name: 'Beauty Lab on Tverskaya' })).toBeVisible()
  })

  it('says so when the user manages no location, and offers what works without one', async () => {
    manager().locationIds = []
    signInAsManager()
    const { user, address } = renderApp('/')
    expect(await screen.findByText('You manage no locations')).toBeInTheDocument()
    await user.click(within(screen.getByRole('main')).getByRole('link', { name: 'Tax systems' }))
    await waitFor(() => expect(address.current.pathname).toBe('/tax-systems'))
  })

  it('names the product of the deployment and links both pages its hint names', async () => {
    configureClient({ flavour: 'yclients' })
    manager().locationIds = []
    signInAsManager()
    const { user, address } = renderApp('/')
    expect(await screen.findByText(/access to its locations in YCLIENTS;/)).toBeInTheDocument()
    expect(screen.queryByText(/Altegio/)).toBeNull()
    const main = within(screen.getByRole('main'))
    expect(main.getByRole('link', { name: 'Tax systems' })).toBeInTheDocument()
    await user.click(main.getByRole('link', { name: 'KKM callback' }))
    await waitFor(() => expect(address.current.pathname).toBe('/callback'))
    expect(await screen.findByRole('heading', { name: 'KKM callback' })).toBeInTheDocument()
    expect(screen.getByText(/request to YCLIENTS\. When/)).toBeInTheDocument()
  })

  it('in Russian too', async () => {
    setPreference('locale', 'ru')
    manager().locationIds = []
    signInAsManager()
    renderApp('/')
    expect(await screen.findByText(/доступ к её филиалам в Altegio;/)).toBeInTheDocument()
    const main = within(screen.getByRole('main'))
    expect(main.getByRole('link', { name: 'Налоговые системы' })).toBeInTheDocument()
    expect(main.getByRole('link', { name: 'Колбэк ККМ' })).toBeInTheDocument()
  })
})
