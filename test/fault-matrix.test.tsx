import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configureClient } from '@/api/client'
import { getCountries } from '@/api/countries'
import { DEMO } from '@/mocks/db'
import { server } from '@/mocks/node'
import { setScenario, type Fault, type OperationId } from '@/mocks/scenarios'
import { getSession } from '@/session/store'
import { renderApp, signInAsManager } from './render'
import { SEEDED_DOCUMENT, seedReceipt } from './seed'

/** What a person reads for each fault: a specific title and the server's or our message. */
const EXPECTED: Record<Fault, RegExp> = {
  unauthorized: /Not signed in[\s\S]*Authentication needed\./,
  forbidden: /Access denied/,
  'not-found': /Not found/,
  validation: /The server did not accept the request[\s\S]*The document cannot be printed/,
  'rate-limited': /Too many requests[\s\S]*Try again in 3 s/,
  'server-error': /The server had a problem[\s\S]*Internal server error\./,
  unavailable: /The server had a problem[\s\S]*temporarily unavailable/,
  network: /No connection[\s\S]*Could not reach the server/,
  timeout: /The server is not answering[\s\S]*No answer from the server within/,
  'malformed-json': /Unreadable answer[\s\S]*cannot read/,
  'success-false': /The API reported a failure[\s\S]*could not be completed/,
  'legacy-error': /Not signed in[\s\S]*Authentication needed\./,
}
const FAULTS = Object.keys(EXPECTED) as Fault[]
/** A refusal at sign-in is about the tokens just typed: which was refused, and the server's words. */
const REFUSED_AT_SIGN_IN =
  /refused[\s\S]*Where to get[\s\S]*The server said: Authentication needed\./
const atSignIn = (kind: Fault) =>
  kind === 'unauthorized' || kind === 'legacy-error' ? REFUSED_AT_SIGN_IN : EXPECTED[kind]
/** A 429 is retried once after Retry-After (3 s here) before the user is told. */
const waitFor429 = (kind: Fault) => ({ timeout: kind === 'rate-limited' ? 12_000 : 5_000 })

/** Waits for an alert (there may be several: a notification is one too) that says `text`. */
async function expectAlert(text: RegExp, kind: Fault) {
  await waitFor(
    () =>
      expect(screen.getAllByRole('alert').some((alert) => text.test(alert.textContent ?? ''))).toBe(
        true,
      ),
    waitFor429(kind),
  )
}

/**
 * The sign-in form's own alert: a 429 also raises Mantine's "Slowing down" notification, another
 * role=alert, which may render first on a loaded machine.
 */
async function formAlert() {
  const form = screen.getByRole('button', { name: 'Sign in' }).closest('form')
  if (!form) throw new Error('the sign-in button is outside a form')
  return within(form).findByRole('alert')
}

function fault(fault: Fault, operation: OperationId) {
  setScenario({ fault, faultOperation: operation })
}

function countPrintPosts() {
  const seen = { posts: 0, postsWhenCountriesAsked: [] as number[] }
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && request.url.endsWith('/print_document_bill')) seen.posts++
    if (request.method === 'GET' && request.url.endsWith('/countries'))
      seen.postsWhenCountriesAsked.push(seen.posts)
  })
  return seen
}

beforeEach(() => configureClient({ timeoutMs: 300 }))
afterEach(() => server.events.removeAllListeners())

describe.each(FAULTS)('fault %s', (kind) => {
  it('sign-in, proving the tokens (GET /companies): says what went wrong and keeps the typed tokens', async () => {
    fault(kind, 'listCompanies')
    const { user } = renderApp('/sign-in')
    await user.type(await screen.findByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByLabelText(/User token/), DEMO.userToken)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await formAlert()).toHaveTextContent(atSignIn(kind))
    expect(screen.getByLabelText(/Partner token/)).toHaveValue(DEMO.partnerToken)
    expect(screen.getByLabelText(/User token/)).toHaveValue(DEMO.userToken)
    expect(getSession()).toBeNull()
  })

  it('sign-in with a password (POST /auth): says what went wrong and keeps the login', async () => {
    fault(kind, 'authenticateUser')
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('radio', { name: 'Login and password' }))
    await user.type(screen.getByLabelText(/Partner token/), DEMO.partnerToken)
    await user.type(screen.getByRole('textbox', { name: /^Login/ }), DEMO.login)
    await user.type(screen.getByLabelText(/^Password/), DEMO.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await formAlert()).toHaveTextContent(atSignIn(kind))
    expect(screen.getByRole('textbox', { name: /^Login/ })).toHaveValue(DEMO.login)
  })

  it('tax systems (GET tax_system): a clear message, never a blank page', async () => {
    signInAsManager()
    fault(kind, 'listTaxSystems')
    renderApp('/tax-systems/1')
    if (kind === 'unauthorized' || kind === 'legacy-error') {
      // A 401 to the session's own call ends the session: back to sign-in, once.
      expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
      expect(screen.getAllByText(/no longer accepts your tokens/)).toHaveLength(1)
      return
    }
    const expected = kind === 'not-found' ? /Unknown country/ : EXPECTED[kind]
    await expectAlert(expected, kind)
    expect(screen.getByRole('heading', { name: 'Tax systems and VAT rates' })).toBeInTheDocument()
  })

  it('the country picker (GET /countries): a clear message beside it', async () => {
    signInAsManager()
    fault(kind, 'listCountries')
    renderApp('/tax-systems/1')
    if (kind === 'unauthorized' || kind === 'legacy-error') {
      expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
      return
    }
    expect(
      await screen.findByText(/Countries could not be loaded/, {}, waitFor429(kind)),
    ).toBeInTheDocument()
    expect(
      screen.getByText(/Countries could not be loaded/).closest('[role="alert"]'),
    ).toHaveTextContent(EXPECTED[kind])
  })

  it('the transaction log (GET kkm_transactions): a clear message, the filters kept', async () => {
    signInAsManager()
    fault(kind, 'listKkmTransactions')
    const { address } = renderApp('/locations/1/transactions?type=1')
    if (kind === 'unauthorized' || kind === 'legacy-error') {
      expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
      return
    }
    await expectAlert(EXPECTED[kind], kind)
    expect(address.current.search).toBe('?type=1')
    expect(screen.getByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
  })

  it('printing (POST print_document_bill): a specific message, one POST, nothing resent', async () => {
    signInAsManager()
    seedReceipt(1)
    const seen = countPrintPosts()
    const { user } = renderApp('/locations/1/transactions')
    await user.click(
      await screen.findByRole('button', { name: `Print receipt for Visit #${SEEDED_DOCUMENT}` }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Print receipt' })
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Print' })).toBeEnabled())
    fault(kind, 'printDocumentBill')
    await user.click(within(dialog).getByRole('button', { name: 'Print' }))
    if (kind === 'unauthorized' || kind === 'legacy-error') {
      expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument()
    } else if (kind === 'network' || kind === 'timeout') {
      // The mock prints, then loses the answer: the log shows the receipt, which is followed, not resent.
      expect(
        await within(dialog).findByText(
          /Status: (Sent for printing|Success)|Receipt printed/,
          {},
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument()
      expect(within(dialog).queryByRole('button', { name: 'Print again' })).not.toBeInTheDocument()
      expect(within(dialog).queryByText(/^Not printed/)).not.toBeInTheDocument()
    } else if (['server-error', 'unavailable', 'malformed-json'].includes(kind)) {
      // The register may have printed: never "failed", always "unknown", and the log decides.
      expect(await within(dialog).findByText('Result unknown')).toBeInTheDocument()
      expect(within(dialog).getByRole('alert')).toHaveTextContent(
        /The register may have printed the receipt/,
      )
    } else {
      const alert = await within(dialog).findByText(/^Not printed:/)
      expect(alert.closest('[role="alert"]')).toHaveTextContent(EXPECTED[kind])
    }
    // A resend the app had scheduled would go through the client's queue before a request asked
    // for now: once that one has started, a second POST would have too.
    await getCountries().catch(() => undefined)
    expect(seen.postsWhenCountriesAsked.at(-1)).toBe(1)
    expect(seen.posts).toBe(1)
  })
})
