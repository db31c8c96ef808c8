// The proxy under the shared budget: a real upstream socket, the budget on a hand-driven clock.
// (jsdom: test/setup.ts needs `window`; nothing here uses it.)
import { rmSync } from 'node:fs'
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, createRuntime, type Runtime } from '../server/app'
import { parseConfig, type BudgetConfig, type Config } from '../server/config'
import {
  FakeClock,
  fakeUpstream,
  json,
  letLocalRequestsThrough,
  tempBuild,
  type FakeUpstream,
} from './server-support'
import type { ServerResponse } from 'node:http'

const ADMIN = 'Bearer partner-1, User admin-7'
const CASHIER = 'Bearer partner-1, User cashier-3'
const OK = { success: true, data: { ok: true }, meta: [] }
/** Fifty log rows' worth: over the 1 KiB below which an answer is not worth compressing. */
const ROWS = {
  success: true,
  data: Array.from({ length: 50 }, (_, id) => ({ id, document_id: 1000 + id, amount: 1250 })),
  meta: { count: 50 },
}
/** The budget's second: 1,000 ms and its 50 ms margin for jitter on the way upstream. */
const SECOND = 1050

let staticDir: string
let upstream: FakeUpstream
/** What the server printed with console.warn in this test. */
let warned: string[] = []
/** How many times /flaky has been asked in this test: it answers 429 the first time only. */
let flakyCalls = 0

beforeAll(async () => {
  staticDir = tempBuild()
  upstream = await fakeUpstream((request, response) => {
    if (request.url.startsWith('/api/v1/flaky') && flakyCalls++ === 0) {
      json(
        response,
        429,
        { success: false, data: null, meta: { message: 'Slow down.' } },
        {
          'Retry-After': '2',
        },
      )
    } else if (request.url.startsWith('/api/v1/gzipped')) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' })
      response.end(gzipSync(JSON.stringify(OK)))
    } else if (request.url.startsWith('/api/v1/rows')) {
      json(response, 200, ROWS)
    } else if (request.url.startsWith('/api/v1/limited')) {
      json(
        response,
        429,
        { success: false, data: null, meta: { message: 'Slow down.' } },
        {
          'Retry-After': '1',
        },
      )
    } else {
      json(response, 200, OK)
    }
  })
})

afterAll(async () => {
  await upstream.close()
  rmSync(staticDir, { recursive: true, force: true })
})

beforeEach(() => {
  upstream.received.length = 0
  flakyCalls = 0
  letLocalRequestsThrough()
  // The server logs each request and refusal; keep the test output readable.
  vi.spyOn(console, 'log').mockImplementation(() => undefined)
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  warned = []
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warned.push(args.map(String).join(' '))
  })
})

afterEach(() => vi.restoreAllMocks())

interface Setup {
  app: ReturnType<typeof createApp>
  clock: FakeClock
  runtime: Runtime
  get: (path: string, authorization?: string, signal?: AbortSignal) => Promise<Response>
  post: (path: string, authorization: string) => Promise<Response>
}

function setup(
  budget: Partial<BudgetConfig> = {},
  upstreamUrl = upstream.url,
  overrides: Partial<Config> = {},
): Setup {
  const parsed = parseConfig({ ALTEGIO_API_URL: `${upstreamUrl}/api/v1`, STATIC_DIR: staticDir })
  const config: Config = { ...parsed, ...overrides, budget: { ...parsed.budget, ...budget } }
  const clock = new FakeClock()
  const runtime = createRuntime(config, clock)
  const app = createApp(config, runtime)
  return {
    app,
    clock,
    runtime,
    get: async (path, authorization = ADMIN, signal) =>
      app.request(path, { headers: { Authorization: authorization }, signal }),
    post: async (path, authorization) =>
      app.request(path, {
        method: 'POST',
        body: '{"document_id":42}',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      }),
  }
}

const paths = () => upstream.received.map((r) => `${r.method} ${r.url}`)

interface Held {
  response: ServerResponse
  /** What became of the response: 'finish' once written whole, 'close' when its socket went. */
  events: string[]
}

/** An upstream that holds every request until the test answers it. */
async function holdingUpstream(): Promise<{ upstream: FakeUpstream; held: Held[] }> {
  const held: Held[] = []
  const holding = await fakeUpstream((_request, response) => {
    const events: string[] = []
    response.on('finish', () => events.push('finish'))
    response.on('close', () => events.push('close'))
    held.push({ response, events })
  })
  return { upstream: holding, held }
}

const PRINT = '/api/v1/kkm_transactions/1/print_document_bill'

async function print(app: Setup['app'], signal: AbortSignal): Promise<Response> {
  return app.request(`${PRINT}?token=partner-1`, {
    method: 'POST',
    body: '{"document_id":42}',
    headers: { Authorization: CASHIER, 'Content-Type': 'application/json' },
    signal,
  })
}

describe('the proxy under the shared budget', () => {
  it('answers 503 in the API envelope with Retry-After past the queue bound, sending nothing for it', async () => {
    const { get, clock, runtime } = setup({ perSecond: 1, maxQueue: 1 })
    expect((await get('/api/v1/first')).status).toBe(200)
    const queued = get('/api/v1/second')
    await expect.poll(() => runtime.budget.queued).toBe(1)

    const refused = await get('/api/v1/refused')
    expect(refused.status).toBe(503)
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(await refused.text()).toBe(
      '{"success":false,"data":null,"meta":{"message":"Too many requests are waiting for the API; try again shortly."}}',
    )

    clock.advanceTo(SECOND)
    expect((await queued).status).toBe(200)
    clock.advanceTo(10_000)
    expect(paths()).toEqual(['GET /api/v1/first', 'GET /api/v1/second'])
  })

  it('answers 503 to a request that waited past the limit, and never sends it after', async () => {
    const { get, clock, runtime } = setup({ perSecond: 1, maxWaitMs: 500 })
    await get('/api/v1/first')
    const waiting = get('/api/v1/late')
    await expect.poll(() => runtime.budget.queued).toBe(1)
    clock.advanceTo(500)
    const late = await waiting
    expect(late.status).toBe(503)
    expect(late.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(await late.json()).toMatchObject({ success: false, data: null })
    clock.advanceTo(10_000)
    expect(paths()).toEqual(['GET /api/v1/first'])
  })

  it("takes turns by user: a cashier's print goes ahead of an administrator's queued reads", async () => {
    const { get, post, clock, runtime } = setup({ perSecond: 1 })
    const reads = [1, 2, 3, 4].map((page) => get(`/api/v1/log?page=${page}`, ADMIN))
    await expect.poll(() => runtime.budget.queued).toBe(3)
    const print = post('/api/v1/print', CASHIER)
    await expect.poll(() => runtime.budget.queued).toBe(4)

    for (const [second, sent] of [
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ] as const) {
      clock.advanceTo(second * SECOND)
      await expect.poll(() => upstream.received.length).toBe(sent)
    }
    expect((await print).status).toBe(200)
    expect((await Promise.all(reads)).map((r) => r.status)).toEqual([200, 200, 200, 200])
    expect(paths()).toEqual([
      'GET /api/v1/log?page=1',
      'GET /api/v1/log?page=2',
      'POST /api/v1/print',
      'GET /api/v1/log?page=3',
      'GET /api/v1/log?page=4',
    ])
  })

  it("pauses everyone for an upstream 429's Retry-After, then sends the read once more", async () => {
    const { get, clock, runtime } = setup()
    const flaky = get('/api/v1/flaky', ADMIN)
    await expect.poll(() => runtime.budget.queued).toBe(1) // its retry, after the 429
    const other = get('/api/v1/other', CASHIER)
    await expect.poll(() => runtime.budget.queued).toBe(2)

    clock.advanceTo(1999)
    expect(runtime.budget.queued).toBe(2)
    clock.advanceTo(2000)
    expect((await flaky).status).toBe(200)
    expect((await other).status).toBe(200)
    // Both go at 2000 on separate connections, so their arrival order is the network's.
    expect(paths().sort()).toEqual(['GET /api/v1/flaky', 'GET /api/v1/flaky', 'GET /api/v1/other'])
  })

  it('never sends a print again after a 429: the 429 goes back to the browser', async () => {
    const { post, clock, runtime } = setup()
    const answer = await post('/api/v1/limited/print', CASHIER)
    expect(answer.status).toBe(429)
    expect(answer.headers.get('Retry-After')).toBe('1')
    expect(runtime.budget.queued).toBe(0)
    clock.advanceTo(60_000)
    expect(paths()).toEqual(['POST /api/v1/limited/print'])
  })

  it('drops a request whose browser left while it waited, unsent', async () => {
    const { get, clock, runtime } = setup({ perSecond: 1 })
    await get('/api/v1/first')
    const gone = new AbortController()
    const left = get('/api/v1/left', ADMIN, gone.signal).catch(() => null)
    await expect.poll(() => runtime.budget.queued).toBe(1)
    gone.abort()
    await left
    expect(runtime.budget.queued).toBe(0)
    const next = get('/api/v1/next')
    await expect.poll(() => runtime.budget.queued).toBe(1)
    clock.advanceTo(SECOND)
    expect((await next).status).toBe(200)
    expect(paths()).toEqual(['GET /api/v1/first', 'GET /api/v1/next'])
  })

  it('decodes an upstream answer the API compressed, and passes it back whole', async () => {
    const answer = await setup().get('/api/v1/gzipped')
    expect(answer.status).toBe(200)
    expect(answer.headers.has('Content-Encoding')).toBe(false)
    expect(await answer.json()).toEqual(OK)
  })

  it('compresses an answer for the browser itself: br, else gzip, else as it is, with Vary', async () => {
    const { app } = setup()
    const read = (path: string, acceptEncoding?: string) =>
      app.request(path, {
        headers: {
          Authorization: ADMIN,
          ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }),
        },
      })
    const whole = JSON.stringify(ROWS).length

    const br = await read('/api/v1/rows', 'gzip, deflate, br, zstd')
    expect(br.headers.get('Content-Encoding')).toBe('br')
    expect(br.headers.get('Vary')).toBe('Accept-Encoding')
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(Number(br.headers.get('Content-Length'))).toBe(brBytes.length)
    expect(brBytes.length).toBeLessThan(whole)
    expect(JSON.parse(brotliDecompressSync(brBytes).toString())).toEqual(ROWS)

    const gzip = await read('/api/v1/rows', 'gzip, deflate')
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip')
    expect(JSON.parse(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString())).toEqual(ROWS)

    for (const plain of [
      await read('/api/v1/rows'),
      await read('/api/v1/rows', 'br;q=0, gzip;q=0'),
    ]) {
      expect(plain.headers.has('Content-Encoding')).toBe(false)
      expect(plain.headers.get('Vary')).toBe('Accept-Encoding')
      expect(Number(plain.headers.get('Content-Length'))).toBe(whole)
      expect(await plain.json()).toEqual(ROWS)
    }
    // Under 1 KiB compressing gains nothing.
    const small = await read('/api/v1/countries', 'br')
    expect(small.headers.has('Content-Encoding')).toBe(false)
    expect(await small.json()).toEqual(OK)
  })

  it('forwards a YCLIENTS Accept header unchanged', async () => {
    const { app } = setup()
    await app.request('/api/v1/countries', {
      headers: { Authorization: ADMIN, Accept: 'application/vnd.yclients.v2+json' },
    })
    expect(upstream.received[0]?.headers.accept).toBe('application/vnd.yclients.v2+json')
  })
})

describe('a browser that leaves', () => {
  it('does not cut off a print already sent: the upstream answers it, the log says how it ended, and its budget slot is held until then', async () => {
    const { upstream: slow, held } = await holdingUpstream()
    try {
      const { app, get, clock, runtime } = setup({ perSecond: 1 }, slow.url)
      const tab = new AbortController()
      const printing = print(app, tab.signal)
      await expect.poll(() => held.length).toBe(1)
      tab.abort()
      expect(warned).toEqual([
        `browser left; the upstream has the request, its outcome follows: POST ${PRINT}`,
      ])

      // The print still counts against the budget while it is out, however long that takes.
      const next = get('/api/v1/next', ADMIN)
      await expect.poll(() => runtime.budget.queued).toBe(1)
      clock.advanceTo(5 * SECOND)
      expect(runtime.budget.queued).toBe(1)

      const [first] = held
      if (!first) throw new Error('the upstream holds no print')
      json(first.response, 200, { success: true, data: { kkm_transaction_id: 9001 }, meta: [] })
      await expect.poll(() => first.events).toEqual(['finish', 'close'])
      await expect
        .poll(() => warned.at(-1))
        .toBe(`browser left before the answer; upstream answered 200: POST ${PRINT}`)
      expect((await printing).status).toBe(200)
      expect(slow.received.map((r) => `${r.method} ${r.body}`)).toEqual(['POST {"document_id":42}'])

      // Answered: its slot leaves the window a second later, and the queued read goes.
      expect(runtime.inFlight.size).toBe(0)
      clock.advanceTo(7 * SECOND)
      await expect.poll(() => held.length).toBe(2)
      json(held[1]?.response as ServerResponse, 200, OK)
      expect((await next).status).toBe(200)
      for (const line of warned) {
        expect(line).not.toContain('?')
        expect(line).not.toContain('cashier-3')
      }
    } finally {
      await slow.close()
    }
  })

  it('still gives up on a print whose browser left when the upstream stays silent past the timeout', async () => {
    const { upstream: silent, held } = await holdingUpstream()
    try {
      const { app, runtime } = setup({}, silent.url, { upstreamTimeoutMs: 100 })
      const tab = new AbortController()
      const printing = print(app, tab.signal)
      await expect.poll(() => held.length).toBe(1)
      tab.abort()
      expect((await printing).status).toBe(504)
      expect(warned.at(-1)).toBe(
        `browser left before the answer; upstream timeout (ETIMEDOUT): POST ${PRINT}`,
      )
      await expect.poll(() => held[0]?.events).toEqual(['close'])
      expect(runtime.inFlight.size).toBe(0)
    } finally {
      await silent.close()
    }
  })

  it('cancels a read upstream: nothing changes there, and the browser can ask again', async () => {
    const { upstream: slow, held } = await holdingUpstream()
    try {
      const { get, runtime } = setup({}, slow.url)
      const tab = new AbortController()
      const reading = get('/api/v1/kkm_transactions/1?page=1', ADMIN, tab.signal)
      await expect.poll(() => held.length).toBe(1)
      tab.abort()
      await expect.poll(() => held[0]?.events).toEqual(['close'])
      expect((await reading).status).toBe(503)
      expect(runtime.inFlight.size).toBe(0)
      expect(warned).toEqual([])
    } finally {
      await slow.close()
    }
  })
})

describe('/readyz', () => {
  it('is ready once the upstream has answered', async () => {
    const { app, get } = setup()
    await get('/api/v1/countries')
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(ready.headers.get('Cache-Control')).toBe('no-store')
    expect(await ready.json()).toMatchObject({ status: 'ready', upstream: upstream.url })
  })

  it('asks the upstream itself when nothing has been proxied yet', async () => {
    const { app } = setup()
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(paths()).toEqual(['GET /api/v1'])
  })

  it('pauses everyone for the Retry-After of a 429 its probe got, and counts the 429 as reachable', async () => {
    const limiting = await fakeUpstream((request, response) =>
      request.url === '/api/v1'
        ? json(response, 429, { success: false, data: null, meta: [] }, { 'Retry-After': '3' })
        : json(response, 200, OK),
    )
    try {
      const { app, get, clock, runtime } = setup({}, limiting.url)
      const ready = await app.request('/readyz')
      expect(ready.status).toBe(200)
      const read = get('/api/v1/countries')
      await expect.poll(() => runtime.budget.queued).toBe(1)
      clock.advanceTo(2999)
      expect(runtime.budget.queued).toBe(1)
      clock.advanceTo(3000)
      expect((await read).status).toBe(200)
      expect(limiting.received.map((r) => r.url)).toEqual(['/api/v1', '/api/v1/countries'])
    } finally {
      await limiting.close()
    }
  })

  it('is not ready when the upstream cannot be reached', async () => {
    const down = await fakeUpstream(() => undefined)
    const downUrl = down.url
    await down.close()
    const { app } = setup({}, downUrl)
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({ status: 'not ready', lastAnswerSecondsAgo: null })
  })

  it('is not ready while stopping, while /healthz stays live', async () => {
    const { app, runtime, get } = setup()
    await get('/api/v1/countries')
    runtime.draining = true
    expect((await app.request('/readyz')).status).toBe(503)
    const live = await app.request('/healthz')
    expect(live.status).toBe(200)
    expect(live.headers.get('Connection')).toBe('close')
  })
})
