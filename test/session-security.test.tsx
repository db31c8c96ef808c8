import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO } from '@/mocks/db'
import { server } from '@/mocks/node'
import { setScenario } from '@/mocks/scenarios'
import { configureIdleLock, resetIdleLock } from '@/session/idle'
import { getLockedSession, getSession, lockSession } from '@/session/store'
import { renderApp, signInAsManager } from './render'

afterEach(() => {
  server.events.removeAllListeners()
})

describe('idle lock', () => {
  it('locks after the idle timeout, forgets the user token, and unlocks onto the same page and filters', async () => {
    signInAsManager()
    const { user, address } = renderApp('/locations/1/transactions?type=1')
    expect(await screen.findByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
    // Short only once the page is up (its chunk may take longer than 400 ms on a loaded machine);
    // the key press restarts the idle timer with it.
    configureIdleLock({ timeoutMs: 400 })
    await user.keyboard('{Shift}')
    expect(await screen.findByRole('heading', { name: 'Session locked' })).toBeInTheDocument()
    expect(getSession()).toBeNull()
    expect(getLockedSession()).toEqual({
      partnerToken: DEMO.partnerToken,
      user: { id: 1, name: 'Helen Manager' },
    })
    expect(sessionStorage.getItem('kkm.session')).not.toContain(DEMO.userToken)
    expect(address.current.search).toBe('?type=1')

    await user.type(screen.getByLabelText(/User token/), 'not-the-token')
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Authentication needed.')
    expect(getSession()).toBeNull()

    resetIdleLock()
    await user.clear(screen.getByLabelText(/User token/))
    await user.type(screen.getByLabelText(/User token/), DEMO.userToken)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
    expect(address.current.pathname).toBe('/locations/1/transactions')
    expect(getSession()?.userToken).toBe(DEMO.userToken)
  })

  it('unlocked with another user’s token, starts at the start page without the locked user’s name', async () => {
    signInAsManager()
    lockSession()
    const { user, address, queryClient } = renderApp('/tax-systems/1')
    expect(await screen.findByRole('heading', { name: 'Session locked' })).toBeInTheDocument()
    await user.type(screen.getByLabelText(/User token/), DEMO.cashierToken)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    // The start page; with the cashier's one location it goes on to that location's log.
    await waitFor(() =>
      expect(address.current.pathname).toMatch(/^\/(locations\/1\/transactions)?$/),
    )
    const navigation = screen.getByRole('navigation', { name: 'Main navigation' })
    expect(getSession()).toMatchObject({ userToken: DEMO.cashierToken, user: null })
    expect(navigation).toHaveTextContent('Staff member (user token)')
    expect(navigation).not.toHaveTextContent('Helen Manager')
    expect(screen.queryByRole('heading', { name: /Tax systems/ })).not.toBeInTheDocument()
    // Nothing the locked user was shown stays behind for the next one.
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .some((query) => JSON.stringify(query.queryKey).includes('tax')),
    ).toBe(false)
  })

  it('keeps the session while the user is active', async () => {
    // Generous: jsdom can block the event loop for over a second while it renders a page.
    configureIdleLock({ timeoutMs: 3000 })
    signInAsManager()
    const { user } = renderApp('/tax-systems/1')
    // 6 s in all, twice the timeout, with a key press every 500 ms.
    for (let i = 0; i < 12; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      await user.keyboard('{Shift}')
    }
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Session locked' })).not.toBeInTheDocument()
    expect(getSession()).not.toBeNull()
  })
})

describe('token hygiene', () => {
  it('never puts a token in a URL, a query key, the console, localStorage, a notification or an error', async () => {
    const logged: string[] = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(
          args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '),
        )
      })
    }
    const urls: string[] = []
    server.events.on('request:start', ({ request }) => urls.push(request.url))
    signInAsManager()
    const { user, queryClient } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    setScenario({ fault: 'server-error', faultOperation: 'listKkmTransactions' })
    await user.click(screen.getByRole('link', { name: 'Tax systems' }))
    const keys = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    )
    setScenario({ fault: 'unauthorized', faultOperation: null })
    await user.click(screen.getByRole('combobox', { name: 'Country' }))
    await user.click(await screen.findByRole('option', { name: /France/ }))
    await screen.findByRole('button', { name: 'Sign in' })
    await waitFor(() =>
      expect(document.body.textContent).toContain('no longer accepts your tokens'),
    )

    const secrets = [DEMO.partnerToken, DEMO.userToken]
    const places = {
      urls: urls.join('\n'),
      keys,
      console: logged.join('\n'),
      localStorage: JSON.stringify({ ...localStorage }),
      page: document.body.innerHTML,
    }
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets)
        expect(text, `${secret} found in ${place}`).not.toContain(secret)
    }
    expect(urls.length).toBeGreaterThan(2)
    expect(sessionStorage.getItem('kkm.session')).toBeNull()
  })
})

describe('hostile data from the API', () => {
  it('renders HTML in titles and messages as inert text', async () => {
    const { http, HttpResponse } = await import('msw')
    const { db } = await import('@/mocks/db')
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    db.taxSystems[1]?.unshift({
      title: hostile,
      slug: 'x_slug',
      vats: [{ title: hostile, slug: 'x_vat' }],
    })
    signInAsManager()
    const { container } = renderApp('/tax-systems/1')
    expect(await screen.findByRole('heading', { name: hostile })).toBeInTheDocument()
    server.use(
      http.get('*/api/v1/kkm_transactions/:id', () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: hostile } },
          { status: 500 },
        ),
      ),
    )
    const log = renderApp('/locations/1/transactions')
    expect(await within(log.container).findByRole('alert')).toHaveTextContent(hostile)
    expect(container.querySelector('img[src="x"], script')).toBeNull()
    expect(log.container.querySelector('img[src="x"], script')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })
})
