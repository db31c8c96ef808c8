import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { configureClient } from '@/api/client'
import { printDocumentBill } from '@/api/print'
import { db, DEMO } from '@/mocks/db'
import { server } from '@/mocks/node'
import { setScenario } from '@/mocks/scenarios'
import { renderApp, signInAsManager } from './render'

const CALLBACK_URL = `${window.location.origin}/api/v1/integration/kkm/callback`

interface SentCallback {
  body: unknown
  authorization: string | null
}

/** Every POST /integration/kkm/callback that left the app, with its body and Authorization. */
let callbacks: SentCallback[] = []

beforeEach(() => {
  callbacks = []
  server.events.on('request:start', ({ request }) => {
    if (!new URL(request.url).pathname.endsWith('/integration/kkm/callback')) return
    const authorization = request.headers.get('Authorization')
    const entry: SentCallback = { body: undefined, authorization }
    callbacks.push(entry)
    void request
      .clone()
      .json()
      .then((body: unknown) => (entry.body = body))
  })
  signInAsManager()
})

afterEach(() => {
  server.events.removeAllListeners()
})

/**
 * A fiscalization waiting for its result: a receipt printed through the API at location 1 while
 * the mock's register is in manual mode, so it stays "sent for printing" until a callback.
 */
async function pendingFiscalization(): Promise<{ requestId: string; transactionId: number }> {
  setScenario({ printer: 'manual' })
  const source = db.transactions.get(1)?.find((t) => t.type.id === 0)
  if (!source) throw new Error('location 1 has no sale in its log')
  const result = await printDocumentBill(1, {
    document_id: source.document.id,
    type: 0,
    is_pos_enabled: false,
  })
  const requestId = result.bill_json[0]?.id
  const transactionId = result.kkm_transactions[0]?.id
  if (typeof requestId !== 'string' || transactionId === undefined)
    throw new Error('the print answer has no fiscalization request')
  expect(statusOf(transactionId)).toBe(2)
  return { requestId, transactionId }
}

function statusOf(transactionId: number): number | undefined {
  return db.transactions.get(1)?.find((t) => t.id === transactionId)?.status.id
}

async function openPage() {
  const view = renderApp('/callback')
  await screen.findByRole('heading', { name: 'KKM callback' })
  return view
}

const requestIdInput = () => screen.getByRole('textbox', { name: /^Request id/ })
const messageInput = () => screen.getByRole('textbox', { name: /^Message/ })
const sendButton = () => screen.getByRole('button', { name: 'Send callback' })
const curlText = () => screen.getByRole('figure', { name: 'Request as curl' }).textContent ?? ''

/** Puts text in a field as a paste: one change, as an integrator pasting an id does. */
async function fill(user: ReturnType<typeof renderApp>['user'], input: HTMLElement, text: string) {
  await user.click(input)
  await user.paste(text)
}

async function chooseCode(user: ReturnType<typeof renderApp>['user'], label: string) {
  await user.click(screen.getByRole('combobox', { name: /^Code/ }))
  await user.click(await screen.findByRole('option', { name: label }))
}

describe('KKM callback page', () => {
  it('checks the form before sending: a bad UUID, an error without code or message; no request leaves', async () => {
    const { user } = await openPage()
    await user.click(sendButton())
    expect(screen.getByText('Request id is required.')).toBeInTheDocument()

    await fill(user, requestIdInput(), 'not-a-uuid')
    await user.click(screen.getByRole('radio', { name: 'Error' }))
    await user.click(sendButton())
    expect(screen.getByText(/^Request id must be a UUID/)).toBeInTheDocument()
    expect(screen.getByText('Choose the code that says what went wrong.')).toBeInTheDocument()
    expect(
      screen.getByText('Message is required for an error: say what went wrong.'),
    ).toBeInTheDocument()

    // A valid id and code, but still no message: still nothing is sent.
    await user.clear(requestIdInput())
    await fill(user, requestIdInput(), '  0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10  ')
    await chooseCode(user, '2001 — Hardware error')
    await fill(user, messageInput(), '   ')
    await user.click(sendButton())
    expect(screen.queryByText(/^Request id must be a UUID/)).not.toBeInTheDocument()
    expect(
      screen.getByText('Message is required for an error: say what went wrong.'),
    ).toBeInTheDocument()
    expect(callbacks).toHaveLength(0)
  })

  it('refuses a message over 500 characters, for a success too', async () => {
    const { user } = await openPage()
    await fill(user, requestIdInput(), '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10')
    await fill(user, messageInput(), 'x'.repeat(501))
    await user.click(sendButton())
    expect(screen.getByText(/^Message is too long \(501 characters; at most 500\)/)).toBeVisible()
    expect(callbacks).toHaveLength(0)
  })

  it('success with code 0 only; an error offers only the non-zero codes', async () => {
    const { user } = await openPage()
    await user.click(screen.getByRole('combobox', { name: /^Code/ }))
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      '0 — OK',
    ])
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('radio', { name: 'Error' }))
    expect(screen.getByRole('combobox', { name: /^Code/ })).toHaveValue('')
    await user.click(screen.getByRole('combobox', { name: /^Code/ }))
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      '1001 — Document data error',
      '1002 — Positions error',
      '1003 — Payments error',
      '1004 — Customer error',
      '1005 — Cashier error',
      '2001 — Hardware error',
      '2002 — Hardware unavailable',
    ])
  })

  it('reports a success: the answer is shown and the receipt becomes Success (1)', async () => {
    const { requestId, transactionId } = await pendingFiscalization()
    const { user } = await openPage()
    await fill(user, requestIdInput(), requestId)
    await user.click(sendButton())
    const notice = await screen.findByRole('status', { name: /Result recorded/ })
    expect(notice).toHaveTextContent(requestId)
    expect(notice).toHaveTextContent('code 0 — OK')
    expect(statusOf(transactionId)).toBe(1)
    expect(callbacks).toHaveLength(1)
    expect(callbacks[0]?.body).toEqual({
      id: requestId,
      status: 'success',
      code: 0,
      message: '',
    })
    // The form keeps what was sent.
    expect(requestIdInput()).toHaveValue(requestId)
  })

  it('reports an error with code 2002: the receipt becomes Connection error (0)', async () => {
    const { requestId, transactionId } = await pendingFiscalization()
    const { user } = await openPage()
    await fill(user, requestIdInput(), requestId)
    await user.click(screen.getByRole('radio', { name: 'Error' }))
    await chooseCode(user, '2002 — Hardware unavailable')
    await fill(user, messageInput(), 'The register did not answer.')
    await user.click(sendButton())
    expect(await screen.findByRole('status', { name: /Result recorded/ })).toHaveTextContent(
      'code 2002 — Hardware unavailable',
    )
    expect(statusOf(transactionId)).toBe(0)
    expect(callbacks[0]?.body).toEqual({
      id: requestId,
      status: 'error',
      code: 2002,
      message: 'The register did not answer.',
    })
  })

  it('shows the API’s 404 for an unknown request id and keeps what was typed', async () => {
    const { user } = await openPage()
    const unknown = '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10'
    await fill(user, requestIdInput(), unknown)
    await user.click(screen.getByRole('radio', { name: 'Error' }))
    await chooseCode(user, '1002 — Positions error')
    await fill(user, messageInput(), 'VAT slug unknown')
    await user.click(sendButton())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Not found')
    expect(alert).toHaveTextContent(unknown)
    expect(requestIdInput()).toHaveValue(unknown)
    expect(messageInput()).toHaveValue('VAT slug unknown')
    expect(screen.getByRole('combobox', { name: /^Code/ })).toHaveValue('1002 — Positions error')
    expect(callbacks).toHaveLength(1)
  })

  it('names the deployment’s product, not always Altegio', async () => {
    configureClient({ flavour: 'yclients' })
    const { user } = await openPage()
    expect(screen.getByText(/request to YCLIENTS\. When/)).toBeInTheDocument()
    await fill(user, requestIdInput(), '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10')
    await user.click(screen.getByRole('radio', { name: 'Error' }))
    await chooseCode(user, '1002 — Positions error')
    await fill(user, messageInput(), 'VAT slug unknown')
    await user.click(sendButton())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('YCLIENTS has no fiscalization request waiting')
    expect(alert).not.toHaveTextContent('Altegio')
  })

  it('shows the API’s field errors when it refuses the callback (422)', async () => {
    setScenario({ fault: 'validation', faultOperation: 'reportKkmCallback' })
    const { user } = await openPage()
    await fill(user, requestIdInput(), '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10')
    await user.click(sendButton())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The server did not accept the request')
    expect(within(alert).getByRole('listitem')).toHaveTextContent(
      'document_id: The document cannot be printed in its current state.',
    )
    expect(requestIdInput()).toHaveValue('0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10')
    expect(callbacks).toHaveLength(1)
  })

  it('previews the exact request as curl with the tokens masked, and copies it', async () => {
    const { requestId } = await pendingFiscalization()
    const { user } = await openPage()
    await fill(user, requestIdInput(), `  ${requestId}`)
    await user.click(screen.getByRole('radio', { name: 'Error' }))
    await chooseCode(user, '2001 — Hardware error')
    await fill(user, messageInput(), "Paper's out")
    const body = { id: requestId, status: 'error', code: 2001, message: "Paper's out" }

    const preview = curlText()
    expect(preview).toContain(`curl -X POST '${CALLBACK_URL}'`)
    expect(preview).toContain("-H 'Authorization: Bearer ••••••, User ••••••'")
    expect(preview).toContain("-H 'Accept: application/vnd.api.v2+json'")
    expect(preview).toContain("-H 'Content-Type: application/json'")
    // The JSON body, single-quoted for the shell (the apostrophe closes, escapes and reopens).
    expect(preview).toContain(`--data-raw '${JSON.stringify(body).replace(/'/g, `'\\''`)}'`)
    expect(preview).not.toContain(DEMO.partnerToken)
    expect(preview).not.toContain(DEMO.userToken)

    await user.click(screen.getByRole('button', { name: 'Copy curl' }))
    const copied = await navigator.clipboard.readText()
    expect(copied.startsWith('curl -X POST')).toBe(true)
    expect(preview.endsWith(copied)).toBe(true)
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument()

    // What the preview shows is what is sent, with the real tokens only on the wire.
    await user.click(sendButton())
    await screen.findByRole('status', { name: /Result recorded/ })
    expect(callbacks[0]?.body).toEqual(body)
    expect(callbacks[0]?.authorization).toBe(`Bearer ${DEMO.partnerToken}, User ${DEMO.userToken}`)
    expect(document.body.textContent).not.toContain(DEMO.partnerToken)
    expect(document.body.textContent).not.toContain(DEMO.userToken)
  })

  it('a double click sends one POST', async () => {
    const { requestId, transactionId } = await pendingFiscalization()
    setScenario({ latencyMs: 150 })
    const { user } = await openPage()
    await fill(user, requestIdInput(), requestId)
    await user.dblClick(sendButton())
    await screen.findByRole('status', { name: /Result recorded/ })
    expect(callbacks).toHaveLength(1)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(statusOf(transactionId)).toBe(1)
  })

  it('asks before sending a result for the same request again; one POST per confirmed click', async () => {
    const { requestId } = await pendingFiscalization()
    const { user } = await openPage()
    await fill(user, requestIdInput(), requestId)
    await user.click(sendButton())
    await screen.findByRole('status', { name: /Result recorded/ })
    expect(callbacks).toHaveLength(1)

    // Cancelling sends nothing.
    await user.click(sendButton())
    let dialog = await screen.findByRole('dialog', { name: 'Send the result again?' })
    expect(dialog).toHaveTextContent(
      /A result for this request was already sent at \d{2}:\d{2}\. Send again\?/,
    )
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(callbacks).toHaveLength(1)

    // The same id in other letter case and with spaces is the same request.
    await user.clear(requestIdInput())
    await fill(user, requestIdInput(), ` ${requestId.toUpperCase()} `)
    await user.click(sendButton())
    dialog = await screen.findByRole('dialog', { name: 'Send the result again?' })
    await user.dblClick(within(dialog).getByRole('button', { name: 'Send again' }))
    // The mock has recorded the first result: the second is refused, and said so.
    expect(await screen.findByRole('alert')).toHaveTextContent('Not found')
    expect(callbacks).toHaveLength(2)
  })
})
