import { screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { configureClient } from '@/api/client'
import { DEMO } from '@/mocks/db'
import { server } from '@/mocks/node'
import { getSession } from '@/session/store'
import { renderApp, signInAsCashier, signInAsManager } from './render'

describe('sign-in', () => {
  it('sends a signed-out visitor to sign-in, proves the tokens with GET /companies?my=1, then opens the page asked for', async () => {
    const companyCalls: string[] = []
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/companies'))
        companyCalls.push(new URL(request.url).search)
    })
    const { user, address } = renderApp('/tax-systems/1')
    await user.type(await screen.findByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), DEMO.userToken)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
    expect(address.current.pathname).toBe('/tax-systems/1')
    expect(companyCalls[0]).toContain('my=1')
    expect(getSession()).toMatchObject({
      partnerToken: DEMO.partnerToken,
      userToken: DEMO.userToken,
    })
    // Tokens are mirrored to sessionStorage only.
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.getItem('kkm.session')).toContain(DEMO.userToken)
    server.events.removeAllListeners()
  })

  it('checks input before sending anything', async () => {
    let requests = 0
    server.events.on('request:start', () => requests++)
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByText('Partner token is required.')).toBeInTheDocument()
    expect(screen.getByText('User token is required.')).toBeInTheDocument()
    await user.type(screen.getByLabelText(/Partner token/), 'abc def')
    await user.click(screen.getByLabelText(/User token/))
    await user.paste('x'.repeat(300))
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(
      screen.getByText('Partner token must not contain spaces or line breaks.'),
    ).toBeInTheDocument()
    expect(screen.getByText(/User token is too long \(300 characters/)).toBeInTheDocument()
    expect(requests).toBe(0)
    server.events.removeAllListeners()
  })

  it('focuses the first field with a problem when the form is sent', async () => {
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText(/Partner token/)).toHaveFocus()
    await user.type(screen.getByLabelText(/Partner token/), DEMO.partnerToken)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText(/User token/)).toHaveFocus()

    await user.click(screen.getByRole('radio', { name: 'Login and password' }))
    await user.type(screen.getByRole('textbox', { name: /^Login/ }), DEMO.login)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText(/^Password/)).toHaveFocus()
  })

  it('says the server does not tell which token it refused, where to get both, and keeps what was typed', async () => {
    const { user } = renderApp('/sign-in')
    await user.type(await screen.findByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), 'wrong-token')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The server refused the tokens')
    expect(alert).toHaveTextContent('the partner token, the user token or both may be wrong')
    expect(alert).toHaveTextContent(
      "Partner token: The integrator's token from the Altegio developer account.",
    )
    expect(alert).toHaveTextContent('User token: From Settings → API access in Altegio.')
    expect(alert).toHaveTextContent('The server said: Authentication needed.')
    expect(screen.getByLabelText(/User token/)).toHaveValue('wrong-token')
    expect(getSession()).toBeNull()
  })

  it('with a login and password, a refused partner token is named, with YCLIENTS’ own place for it', async () => {
    configureClient({ flavour: 'yclients' })
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('radio', { name: 'Login and password' }))
    await user.type(screen.getByLabelText(/Partner token/), 'not-a-partner')
    await user.type(screen.getByRole('textbox', { name: /^Login/ }), DEMO.login)
    await user.type(screen.getByLabelText(/^Password/), DEMO.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The partner token or the login was refused')
    expect(alert).toHaveTextContent('if they are right, the partner token was refused')
    expect(alert).toHaveTextContent('from the YCLIENTS developer account')
    expect(alert).not.toHaveTextContent('User token:')
    configureClient({ flavour: 'altegio' })
  })

  it('signs in with login and password (POST /auth answered 201)', async () => {
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('radio', { name: 'Login and password' }))
    await user.type(screen.getByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByRole('textbox', { name: /^Login/ }), DEMO.login)
    await user.type(screen.getByLabelText(/^Password/), DEMO.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() =>
      expect(getSession()).toMatchObject({
        userToken: DEMO.userToken,
        user: { name: 'Helen Manager' },
      }),
    )
    expect(await screen.findByText('Helen Manager')).toBeInTheDocument()
  })

  it('shows the message for a wrong password', async () => {
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('radio', { name: 'Login and password' }))
    await user.type(screen.getByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByRole('textbox', { name: /^Login/ }), DEMO.login)
    await user.type(screen.getByLabelText(/^Password/), 'not-it')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect login or password.')
  })

  it('signs out once on a 401 later on, with one notification, and returns to the same page after signing in again', async () => {
    signInAsManager()
    const { user, address, queryClient } = renderApp('/tax-systems/1')
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
    server.use(
      http.get('*/api/v1/integration/kkm/references/tax_system/:id', () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Authentication needed.' } },
          { status: 401 },
        ),
      ),
      http.get('*/api/v1/countries', () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Authentication needed.' } },
          { status: 401 },
        ),
      ),
    )
    await user.click(screen.getByRole('combobox', { name: 'Country' }))
    await user.click(await screen.findByRole('option', { name: /France/ }))
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.getAllByText(/no longer accepts your tokens/)).toHaveLength(1)
    expect(getSession()).toBeNull()
    expect(sessionStorage.getItem('kkm.session')).toBeNull()
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)

    server.resetHandlers()
    await user.type(screen.getByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), DEMO.userToken)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of France' }),
    ).toBeInTheDocument()
    expect(address.current.pathname).toBe('/tax-systems/56')
  })

  it('someone else signing in starts at the start page, not on the page the last user left', async () => {
    signInAsManager()
    const { user, address } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    await user.type(await screen.findByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), DEMO.cashierToken)
    const visited: string[] = []
    let shown = address.current
    Object.defineProperty(address, 'current', {
      get: () => shown,
      set: (next: typeof shown) => {
        shown = next
        visited.push(next.pathname)
      },
    })
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(getSession()?.userToken).toBe(DEMO.cashierToken))
    // The start page: with one location it goes on to that location's log.
    expect(await screen.findByRole('combobox', { name: 'Location' })).toBeInTheDocument()
    expect(visited[0]).toBe('/')
    expect(visited).not.toContain('/tax-systems/1')
    expect(screen.queryByRole('heading', { name: /Tax systems/ })).not.toBeInTheDocument()
  })

  it('the same user signing in again after signing out goes back to the page', async () => {
    signInAsCashier()
    const { user, address } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    await user.type(await screen.findByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), DEMO.cashierToken)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(
      await screen.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeInTheDocument()
    expect(address.current.pathname).toBe('/tax-systems/1')
  })

  it('signs out from the shell and clears the session and the cache', async () => {
    signInAsManager()
    const { user, queryClient } = renderApp('/tax-systems/1')
    await screen.findByRole('heading', { name: 'Tax systems of Russia' })
    await user.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    expect(getSession()).toBeNull()
    expect(sessionStorage.getItem('kkm.session')).toBeNull()
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
    expect(screen.queryByText(/no longer accepts your tokens/)).not.toBeInTheDocument()
  })
})
