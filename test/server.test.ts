// @vitest-environment jsdom
// The server is Node code, but test/setup.ts touches `window` at load time and so cannot run in
// the node environment; nothing here depends on jsdom, and fetch/Request/Response stay Node's.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { http, passthrough } from 'msw'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_API_BASE } from '@/api/client'
import { server as mswServer } from '@/mocks/node'
import { CONTENT_SECURITY_POLICY, createApp } from '../server/app'
import { API_PATH, parseConfig, type Config } from '../server/config'
import type { AddressInfo } from 'node:net'

const PARTNER = 'secret-partner-7f3a9c'
const USER = 'secret-user-41b2d8'
const AUTHORIZATION = `Bearer ${PARTNER}, User ${USER}`

const INDEX_HTML = `<!doctype html><html><head><title>KKM Console</title><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>`
// Over compress's 1 KiB threshold, so compression is observable.
const APP_JS = `export const app = ${JSON.stringify('console '.repeat(400))}\n`

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

let staticDir: string
let upstream: Server
let upstreamUrl: string
let downUrl: string
let received: Received[] = []
let logged: string[] = []

function addressOf(server: Server): AddressInfo {
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('server is not listening')
  return address
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(addressOf(server).port)),
  )
}

/** A stand-in for the Altegio API: records what reaches it; the path picks the answer. */
function fakeUpstream(): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      })
      if (req.url?.startsWith('/b2b/v1/limited')) {
        res.writeHead(429, {
          'Content-Type': 'application/json',
          'Retry-After': '7',
          'X-Request-Id': 'req-429',
        })
        res.end(JSON.stringify({ success: false, data: null, meta: { message: 'Slow down.' } }))
      } else if (req.url?.startsWith('/b2b/v1/slow')) {
        setTimeout(() => res.end('{}'), 1_000)
      } else {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'X-Request-Id': 'req-200',
          'Set-Cookie': 'upstream=1',
          'Access-Control-Allow-Origin': '*',
          'Strict-Transport-Security': 'max-age=1',
        })
        res.end(JSON.stringify({ success: true, data: { ok: true }, meta: [] }))
      }
    })
  })
}

function config(overrides: Partial<Config> = {}): Config {
  const parsed = parseConfig({ ALTEGIO_API_URL: upstreamUrl, STATIC_DIR: staticDir })
  return {
    ...parsed,
    // Under the fake upstream's Retry-After of 7 s: its 429s come back at once, not after a
    // retry (test/server-proxy.test.ts covers the retry).
    budget: { ...parsed.budget, maxWaitMs: 5_000 },
    ...overrides,
  }
}

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  expect(response.headers.get('Referrer-Policy')).toBe('no-referrer')
  expect(response.headers.get('X-Frame-Options')).toBe('DENY')
  expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
  expect(response.headers.get('Permissions-Policy')).toMatch(
    /camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\).*usb=\(\)/,
  )
  // Plain http in these requests: HSTS would be meaningless, and an upstream's must not leak.
  expect(response.headers.has('Strict-Transport-Security')).toBe(false)
}

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'kkm-serve-'))
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), APP_JS)
  writeFileSync(join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  mkdirSync(join(staticDir, '.vite'))
  writeFileSync(join(staticDir, '.vite', 'manifest.json'), '{"src/main.tsx":{}}')

  upstream = fakeUpstream()
  upstreamUrl = `http://127.0.0.1:${await listen(upstream)}/b2b/v1`

  // A port that was just free: connecting to it is refused.
  const closed = createServer()
  const downPort = await listen(closed)
  await new Promise((resolve) => closed.close(resolve))
  downUrl = `http://127.0.0.1:${downPort}/api/v1`
})

afterAll(() => {
  upstream.close()
  upstream.closeAllConnections()
  rmSync(staticDir, { recursive: true, force: true })
})

beforeEach(() => {
  received = []
  logged = []
  // The proxy's fetch goes through MSW's interceptor (test/setup.ts fails unhandled requests);
  // the upstream here is a real socket. Re-added per test because setup resets handlers.
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
  }
})

describe('static files', () => {
  it('serves index.html for / with no-cache', async () => {
    const response = await createApp(config()).request('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(response.headers.get('Cache-Control')).toBe('no-cache')
    expect(await response.text()).toBe(INDEX_HTML)
  })

  it('caches hashed assets for a year and other files not at all', async () => {
    const app = createApp(config())
    const asset = await app.request('/assets/app-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(await asset.text()).toBe(APP_JS)

    const favicon = await app.request('/favicon.svg')
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('Cache-Control')).toBe('no-cache')
    expect((await app.request('/index.html')).headers.get('Cache-Control')).toBe('no-cache')
  })

  it('compresses what the client accepts', async () => {
    const response = await createApp(config()).request('/assets/app-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(response.headers.get('Content-Encoding')).toBe('gzip')
    expect(response.headers.get('Vary')).toMatch(/Accept-Encoding/)
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(APP_JS)
  })

  it.each(['/locations/1/transactions', '/tax-systems/1', '/no/such/page'])(
    'falls back to index.html for the client route %s',
    async (path) => {
      const response = await createApp(config()).request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(response.headers.get('Cache-Control')).toBe('no-cache')
      expect(await response.text()).toBe(INDEX_HTML)
    },
  )

  it('answers HEAD for a client route like GET, without a body', async () => {
    const response = await createApp(config()).request('/tax-systems/1', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await response.text()).toBe('')
  })

  it('answers 404, not index.html, for a missing asset', async () => {
    const response = await createApp(config()).request('/assets/app-old999.js')
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).not.toMatch(/html/)
    expect(await response.text()).not.toContain('<html')
  })

  it('does not serve build metadata under dot-paths (the Vite manifest names source files)', async () => {
    const response = await createApp(config()).request('/.vite/manifest.json')
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('src/main.tsx')
  })

  it('falls back only for GET', async () => {
    const response = await createApp(config()).request('/tax-systems/1', { method: 'POST' })
    expect(response.status).toBe(404)
  })
})

describe('security headers', () => {
  it.each([
    ['a page', '/', 200],
    ['a client route', '/locations/1/transactions', 200],
    ['an asset', '/assets/app-abc123.js', 200],
    ['a missing asset', '/assets/missing.js', 404],
    ['a proxied response', '/api/v1/countries', 200],
    ['a proxied error', '/api/v1/limited', 429],
    ['the health check', '/healthz', 200],
  ])('are on %s', async (_what, path, status) => {
    const response = await createApp(config()).request(path)
    expect(response.status).toBe(status)
    expectSecurityHeaders(response)
  })

  it('are on a 502 when the upstream is down', async () => {
    const response = await createApp(config({ upstream: new URL(downUrl) })).request(
      '/api/v1/countries',
    )
    expect(response.status).toBe(502)
    expectSecurityHeaders(response)
  })

  it('add HSTS only when the request came over https', async () => {
    const app = createApp(config())
    const https = await app.request('/', { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(https.headers.get('Strict-Transport-Security')).toBe('max-age=31536000')
    const http = await app.request('/', { headers: { 'X-Forwarded-Proto': 'http' } })
    expect(http.headers.has('Strict-Transport-Security')).toBe(false)
  })

  it('allow no inline or eval’d script', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
  })
})

describe('API proxy', () => {
  it('serves the path the client calls', () => {
    expect(API_PATH).toBe(DEFAULT_API_BASE)
  })

  it('forwards path, query, method, body and the three allowed headers', async () => {
    const body = JSON.stringify({ login: 'cashier', password: 'pw' })
    const response = await createApp(config()).request('/api/v1/locations/5/kkm?page=2&count=50', {
      method: 'POST',
      body,
      headers: {
        Authorization: AUTHORIZATION,
        Accept: 'application/vnd.api.v2+json',
        'Content-Type': 'application/json',
        Cookie: 'session=abc',
        'X-Custom': 'nope',
        Host: 'console.example.com',
      },
    })
    expect(response.status).toBe(200)
    expect(received).toHaveLength(1)
    const [request] = received
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/b2b/v1/locations/5/kkm?page=2&count=50')
    expect(request?.body).toBe(body)
    expect(request?.headers.authorization).toBe(AUTHORIZATION)
    expect(request?.headers.accept).toBe('application/vnd.api.v2+json')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers.cookie).toBeUndefined()
    expect(request?.headers['x-custom']).toBeUndefined()
    expect(request?.headers.host).toBe(new URL(upstreamUrl).host)
  })

  it('passes status, body and headers back, minus cookies and CORS grants', async () => {
    const response = await createApp(config()).request('/api/v1/countries?x=1', {
      headers: { Authorization: AUTHORIZATION },
    })
    expect(received[0]?.url).toBe('/b2b/v1/countries?x=1')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/json')
    expect(response.headers.get('X-Request-Id')).toBe('req-200')
    expect(response.headers.has('Set-Cookie')).toBe(false)
    expect(response.headers.has('Access-Control-Allow-Origin')).toBe(false)
    expect(await response.json()).toEqual({ success: true, data: { ok: true }, meta: [] })
  })

  it('passes 429 with Retry-After and X-Request-Id back', async () => {
    const response = await createApp(config()).request('/api/v1/limited', {
      headers: { Authorization: AUTHORIZATION },
    })
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe('7')
    expect(response.headers.get('X-Request-Id')).toBe('req-429')
    expect(await response.json()).toEqual({
      success: false,
      data: null,
      meta: { message: 'Slow down.' },
    })
  })

  it('answers 502 with an envelope when the upstream cannot be reached', async () => {
    const response = await createApp(config({ upstream: new URL(downUrl) })).request(
      '/api/v1/countries',
      { headers: { Authorization: AUTHORIZATION } },
    )
    expect(response.status).toBe(502)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(await response.text()).toBe(
      '{"success":false,"data":null,"meta":{"message":"The API server could not be reached."}}',
    )
  })

  it('answers 504 with an envelope when the upstream is too slow', async () => {
    const response = await createApp(config({ upstreamTimeoutMs: 100 })).request('/api/v1/slow', {
      headers: { Authorization: AUTHORIZATION },
    })
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({
      success: false,
      data: null,
      meta: { message: expect.stringMatching(/did not answer/) },
    })
  })

  it('never logs a token, and logs paths without their query', async () => {
    const app = createApp(config())
    // Its own app, so a slow machine cannot turn the other calls into timeouts too.
    const impatient = createApp(config({ upstreamTimeoutMs: 100 }))
    const down = createApp(config({ upstream: new URL(downUrl) }))
    const headers = { Authorization: AUTHORIZATION }
    await app.request(`/api/v1/countries?token=${PARTNER}`, { headers })
    await app.request('/api/v1/limited', { headers })
    await impatient.request('/api/v1/slow', { headers })
    await down.request('/api/v1/countries', { headers })
    await app.request('/tax-systems/1', { headers })

    expect(logged.some((line) => /^GET \/api\/v1\/countries 200 \d+ms$/.test(line))).toBe(true)
    expect(logged.some((line) => /^GET \/api\/v1\/limited 429 \d+ms$/.test(line))).toBe(true)
    expect(logged.some((line) => line.includes('unreachable'))).toBe(true)
    expect(logged.some((line) => line.includes('timed out'))).toBe(true)
    for (const line of logged) {
      expect(line).not.toContain(PARTNER)
      expect(line).not.toContain(USER)
      expect(line).not.toContain('?')
    }
  })

  it('works over a real socket', async () => {
    const listening = serve({ fetch: createApp(config()).fetch, hostname: '127.0.0.1', port: 0 })
    await new Promise((resolve) => listening.once('listening', resolve))
    try {
      const address = listening.address()
      if (!address || typeof address === 'string') throw new Error('not listening')
      const base = `http://127.0.0.1:${address.port}`
      const page = await fetch(`${base}/tax-systems/1`)
      expect(page.status).toBe(200)
      expectSecurityHeaders(page)
      const api = await fetch(`${base}/api/v1/limited`, {
        method: 'POST',
        body: '{"a":1}',
        headers: { Authorization: AUTHORIZATION, 'Content-Type': 'application/json' },
      })
      expect(api.status).toBe(429)
      expect(api.headers.get('Retry-After')).toBe('7')
      expect(received.at(-1)?.body).toBe('{"a":1}')
    } finally {
      await new Promise((resolve) => listening.close(resolve))
    }
  })
})

describe('health check', () => {
  it('names the upstream origin and nothing more', async () => {
    const response = await createApp(config()).request('/healthz', {
      headers: { Authorization: AUTHORIZATION },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({
      status: 'ok',
      upstream: new URL(upstreamUrl).origin,
    })
  })

  it('says demo in demo mode', async () => {
    const app = createApp(parseConfig({ STATIC_DIR: staticDir }))
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', upstream: 'demo' })
  })
})

describe('demo mode', () => {
  it('answers the API path with JSON, never index.html', async () => {
    const response = await createApp(parseConfig({ STATIC_DIR: staticDir })).request(
      '/api/v1/countries',
    )
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ success: false, data: null })
    expectSecurityHeaders(response)
    expect(received).toHaveLength(0)
  })
})

describe('parseConfig', () => {
  const valid = () => ({ ALTEGIO_API_URL: 'https://api.alteg.io/api/v1', STATIC_DIR: staticDir })

  it('defaults to 127.0.0.1:8080 with a 30 s upstream timeout', () => {
    const parsed = parseConfig(valid())
    expect(parsed).toMatchObject({ host: '127.0.0.1', port: 8080, upstreamTimeoutMs: 30_000 })
    expect(parsed.upstream?.href).toBe('https://api.alteg.io/api/v1')
    expect(parsed.staticDir).toBe(staticDir)
  })

  it('takes HOST and PORT', () => {
    expect(parseConfig({ ...valid(), HOST: '0.0.0.0', PORT: '3000' })).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
    })
  })

  it('serves the demo without ALTEGIO_API_URL', () => {
    expect(parseConfig({ STATIC_DIR: staticDir }).upstream).toBeNull()
  })

  it.each([
    ['not a URL', 'api.alteg.io/api/v1', /ALTEGIO_API_URL must be an absolute http\(s\) URL/],
    ['ftp:', 'ftp://api.alteg.io/api/v1', /ALTEGIO_API_URL must use http or https, got "ftp"/],
    ['credentials', 'https://me:pw@api.alteg.io/api/v1', /must not contain a user name/],
    ['a query', 'https://api.alteg.io/api/v1?x=1', /must not have a query/],
    ['empty', '', /ALTEGIO_API_URL is set but empty/],
  ])('rejects an ALTEGIO_API_URL that is %s', (_what, value, message) => {
    expect(() => parseConfig({ ...valid(), ALTEGIO_API_URL: value })).toThrow(message)
  })

  it.each(['0', '65536', '80x', '-1', '8.5', ''])('rejects PORT=%j', (port) => {
    expect(() => parseConfig({ ...valid(), PORT: port })).toThrow(
      `PORT must be an integer from 1 to 65535, got "${port}"`,
    )
  })

  it('takes the upstream budget from ALTEGIO_RATE_* and ALTEGIO_QUEUE_*, defaulting to the API limit', () => {
    expect(parseConfig(valid()).budget).toEqual({
      perSecond: 5,
      perMinute: 200,
      maxQueue: 100,
      maxWaitMs: 18_000,
    })
    const set = parseConfig({
      ...valid(),
      ALTEGIO_RATE_PER_SECOND: '3',
      ALTEGIO_RATE_PER_MINUTE: '120',
      ALTEGIO_QUEUE_LIMIT: '40',
      ALTEGIO_QUEUE_WAIT_MS: '9000',
    })
    expect(set.budget).toEqual({ perSecond: 3, perMinute: 120, maxQueue: 40, maxWaitMs: 9000 })
  })

  // 0 would let nothing be sent (a rate), refuse every request (the queue) or every wait.
  it.each(
    [
      'ALTEGIO_RATE_PER_SECOND',
      'ALTEGIO_RATE_PER_MINUTE',
      'ALTEGIO_QUEUE_LIMIT',
      'ALTEGIO_QUEUE_WAIT_MS',
    ].flatMap((name) => ['0', '-1', 'x'].map((value) => [name, value] as const)),
  )('rejects %s=%j, naming it', (name, value) => {
    expect(() => parseConfig({ ...valid(), [name]: value })).toThrow(
      new RegExp(`^${name} must be a whole number from 1 to \\d+, got "${value}"$`),
    )
  })

  it('rejects a folder without index.html', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kkm-empty-'))
    try {
      expect(() => parseConfig({ ...valid(), STATIC_DIR: empty })).toThrow(/has no index\.html/)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('explains itself in one line', () => {
    for (const env of [
      { ...valid(), ALTEGIO_API_URL: 'ftp://x' },
      { ...valid(), PORT: 'http' },
      { ...valid(), STATIC_DIR: join(staticDir, 'nope') },
    ]) {
      expect(() => parseConfig(env)).toThrow(/^[^\n]+$/)
    }
  })
})

describe('npm run serve', () => {
  it('stops with one line on stderr and exit code 1 on a bad setting', () => {
    const root = join(import.meta.dirname, '..')
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, ALTEGIO_API_URL: 'ftp://api.alteg.io/api/v1' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toEqual([
      'ALTEGIO_API_URL must use http or https, got "ftp" in "ftp://api.alteg.io/api/v1"',
    ])
  })
})
