import { spawn } from 'node:child_process'
import { createServer, request } from 'node:http'
import { APP, MOCK_API } from './support/env'
import {
  choose,
  DEMO,
  expect,
  failedSale,
  logTable,
  setScenario,
  signInWithTokens,
  startSignedIn,
  test,
  watchForTexts,
} from './support/fixtures'
import type { Browser, Page } from '@playwright/test'
import type { AddressInfo } from 'node:net'

/**
 * The production server (`npm run serve`) as a whole salon uses it: every till behind one address,
 * an upstream that refuses a 6th request within a second (the fixtures switch the mock's strict
 * profile on for every test and fail it on any refusal), and a restart in the middle of a print.
 */

interface Till {
  page: Page
  statuses: number[]
  failed: string[]
  started: number
  settled: number
}

async function openTill(browser: Browser, location: number): Promise<Till> {
  const context = await browser.newContext({ baseURL: APP })
  const page = await context.newPage()
  const till: Till = { page, statuses: [], failed: [], started: 0, settled: 0 }
  const api = (url: string) => new URL(url).pathname.startsWith('/api/v1/')
  page.on('request', (request) => void (api(request.url()) && till.started++))
  page.on('requestfinished', (request) => void (api(request.url()) && till.settled++))
  page.on('requestfailed', (request) => {
    if (!api(request.url())) return
    till.settled++
    till.failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`)
  })
  page.on('response', (response) => {
    if (api(response.url())) till.statuses.push(response.status())
  })
  await startSignedIn(page)
  await page.goto(`/locations/${location}/transactions`)
  return till
}

test('five tills reading their logs at once through one server: every request answered, none refused', async ({
  browser,
}) => {
  // The mock really refuses a burst (else this test could not fail): seven at once, straight to it.
  const burst = await Promise.all(
    Array.from({ length: 7 }, () =>
      fetch(`${MOCK_API}/api/v1/countries`, {
        headers: { Authorization: `Bearer ${DEMO.partnerToken}` },
      }).then((response) => response.status),
    ),
  )
  expect(burst).toContain(429)
  // A fresh window and refusal count: the fixture counts the tills' refusals only.
  await fetch(`${MOCK_API}/__mock/reset`, { method: 'POST' })
  await setScenario({ profile: { rate: 'strict' } })

  // Location 4 holds 10,500 transactions: one till reads the big log while the others read theirs.
  const tills = await Promise.all([1, 2, 3, 4, 1].map((location) => openTill(browser, location)))
  for (const till of tills) {
    await expect(logTable(till.page).or(till.page.getByText(/^No transactions/))).toBeVisible({
      timeout: 45_000,
    })
  }
  for (const till of tills) {
    // Both counts read at each poll: a request started after the call (the live log's refresh)
    // must not leave the expected figure behind.
    await expect
      .poll(() => till.started - till.settled, { timeout: 45_000, message: 'requests unanswered' })
      .toBe(0)
  }

  const answers = tills.flatMap((till) => till.statuses)
  expect(answers.length).toBeGreaterThanOrEqual(10)
  expect(answers.filter((status) => status === 429 || status === 503)).toEqual([])
  expect(tills.flatMap((till) => till.failed)).toEqual([])
  await Promise.all(tills.map((till) => till.page.context().close()))
})

/**
 * Between the server and the mock: passes everything through, but holds the answer to a print
 * until `release()`, so the print is still on its way when the server is told to stop.
 */
async function holdingRelay() {
  let arrived: () => void = () => undefined
  const printArrived = new Promise<void>((resolve) => (arrived = resolve))
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  const target = new URL(MOCK_API)
  const relay = createServer((incoming, outgoing) => {
    const isPrint = (incoming.url ?? '').endsWith('/print_document_bill')
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      async (answer) => {
        if (isPrint) await released
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    incoming.pipe(forward)
    if (isPrint) arrived()
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  const address = relay.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    printArrived,
    release: () => release(),
    close: () => {
      relay.closeAllConnections()
      relay.close()
    },
  }
}

/** A server of this test's own, so that stopping it stops nothing the other tests use. */
function startOwnServer(port: number, upstream: string) {
  const child = spawn(process.execPath, ['dist-server/index.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ALTEGIO_API_URL: `${upstream}/api/v1`,
      SHUTDOWN_GRACE_MS: '20000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, exited, output: () => output }
}

test('a print on its way to the API when the server is told to stop still gets its answer', async ({
  page,
}) => {
  const port = 8089
  const base = `http://127.0.0.1:${port}`
  const relay = await holdingRelay()
  const own = startOwnServer(port, relay.url)
  try {
    await expect
      .poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status ?? 0)
      .toBe(200)
    const sale = await failedSale()
    await page.goto(`${base}/sign-in`)
    await signInWithTokens(page)
    await choose(page, 'Location', 'Beauty Lab on Tverskaya')
    await page.getByRole('button', { name: 'Print receipt', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Print receipt' })
    await dialog.getByRole('textbox', { name: 'Document id' }).fill(String(sale.document.id))
    const print = dialog.getByRole('button', { name: 'Print', exact: true })
    await expect(print).toBeEnabled()

    const isPrint = (url: string) => url.endsWith('/print_document_bill')
    const answered = page.waitForResponse((response) => isPrint(response.url()))
    const seen = await watchForTexts(page, ['Status: Sent for printing'])
    await print.click()
    await relay.printArrived
    own.child.kill('SIGTERM')
    await expect.poll(own.output).toMatch(/SIGTERM: not accepting connections/)
    relay.release()

    const answer = await answered
    expect(answer.status()).toBe(200)
    expect(((await answer.json()) as { success: boolean }).success).toBe(true)
    await expect.poll(seen).toEqual(['Status: Sent for printing'])
    expect(await own.exited).toBe(0)
  } finally {
    if (own.child.exitCode === null && own.child.signalCode === null) own.child.kill('SIGKILL')
    relay.close()
  }
})
