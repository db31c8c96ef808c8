import { http, HttpResponse, delay } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { signInWithPassword } from '@/api/auth'
import { api, configureClient, payload } from '@/api/client'
import { getCountries } from '@/api/countries'
import { ApiError, parseRetryAfter } from '@/api/errors'
import { readServerPage } from '@/api/logReader'
import { getTaxSystems } from '@/api/taxSystems'
import { mayHaveTakenEffect } from '@/domain/outcome'
import { route } from '@/mocks/http'
import { server } from '@/mocks/node'
import { endSession, getSession, startSession } from '@/session/store'
import { signInAsManager } from './render'

const API = '*/api/v1'

/** The headers of every request to `path` (under the API's base), as the mock's own handlers receive them. */
function captureHeaders(path: string) {
  const seen: Headers[] = []
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === `/api/v1${path}`) seen.push(request.headers)
  })
  return seen
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

describe('client headers', () => {
  it('sends Accept and only the partner token to /countries', async () => {
    signInAsManager()
    const seen = captureHeaders('/countries')
    await getCountries()
    expect(seen).toHaveLength(1)
    expect(seen[0]?.get('Accept')).toBe('application/vnd.api.v2+json')
    expect(seen[0]?.get('Authorization')).toBe('Bearer demo-partner-token')
  })

  it('sends only the partner token to /auth, whatever the session holds', async () => {
    signInAsManager()
    const seen: Headers[] = []
    server.use(
      route(
        'post',
        '/auth',
        'authenticateUser',
      )(({ request, reply }) => {
        seen.push(request.headers)
        return reply(201, { success: true, data: { id: 1, user_token: 'u', name: 'N' }, meta: [] })
      }),
    )
    await signInWithPassword({ partnerToken: 'typed-partner', login: 'a@b.c', password: 'p' })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.get('Authorization')).toBe('Bearer typed-partner')
    expect(seen[0]?.get('Accept')).toBe('application/vnd.api.v2+json')
  })

  it('sends both tokens to the tax systems and the transaction log', async () => {
    signInAsManager()
    const taxSeen = captureHeaders('/integration/kkm/references/tax_system/1')
    const logSeen = captureHeaders('/kkm_transactions/1')
    await getTaxSystems(1)
    await readServerPage(
      1,
      { startDate: '2026-11-01', endDate: '2026-11-28', type: null, status: null },
      1,
      50,
    )
    expect([taxSeen.length, logSeen.length]).toEqual([1, 1])
    for (const headers of [taxSeen[0], logSeen[0]]) {
      expect(headers?.get('Authorization')).toBe('Bearer demo-partner-token, User demo-user-token')
      expect(headers?.get('Accept')).toBe('application/vnd.api.v2+json')
    }
  })

  it('sends the log filters under the API names (editable_length, not count)', async () => {
    signInAsManager()
    let url: URL | null = null
    server.use(
      route(
        'get',
        '/kkm_transactions/{location_id}',
        'listKkmTransactions',
      )(({ url: asked, reply }) => {
        url = asked
        return reply(200, { success: true, data: [], meta: { count: 0 } })
      }),
    )
    await readServerPage(
      3,
      { startDate: '2026-11-01', endDate: '2026-11-02', type: 1, status: 0 },
      2,
      100,
    )
    expect(Object.fromEntries((url as URL | null)?.searchParams ?? [])).toEqual({
      page: '2',
      editable_length: '100',
      start_date: '2026-11-01',
      end_date: '2026-11-02',
      type: '1',
      status: '0',
    })
  })

  it('never puts a token in the URL', async () => {
    signInAsManager()
    const urls: string[] = []
    server.use(
      route(
        'get',
        '/countries',
        'listCountries',
      )(({ request, reply }) => {
        urls.push(request.url)
        return reply(200, { success: true, data: [], meta: [] })
      }),
    )
    await getCountries()
    // An empty list would pass the check below without a request ever being made.
    expect(urls).toHaveLength(1)
    expect(urls[0]).not.toContain('demo-')
  })
})

describe('reading an answer', () => {
  it('parses each body once, with or without a Content-Length, and hands it over whole', async () => {
    signInAsManager()
    const countries = [{ id: 1, title: 'Россия — a long body, read once', phone_code: '7' }]
    const text = JSON.stringify({ success: true, data: countries, meta: [] })
    for (const headers of [{ 'Content-Type': 'application/json' }, {}]) {
      server.use(
        http.get(`${API}/countries`, () =>
          // A stream: no Content-Length, as a compressed or chunked answer comes.
          headers['Content-Type']
            ? new HttpResponse(text, { headers })
            : new HttpResponse(
                new ReadableStream({
                  start(controller) {
                    controller.enqueue(new TextEncoder().encode(text))
                    controller.close()
                  },
                }),
                {
                  headers: { 'Content-Type': 'application/json' },
                },
              ),
        ),
      )
      const parse = vi.spyOn(JSON, 'parse')
      try {
        expect(await getCountries()).toEqual(countries)
        expect(parse.mock.calls.filter(([raw]) => raw === text)).toHaveLength(1)
      } finally {
        parse.mockRestore()
      }
    }
  })

  it('hands over the text as received, without copying it into a stream of its own', async () => {
    signInAsManager()
    const text = JSON.stringify({ success: true, data: [], meta: [] })
    server.use(
      http.get(
        `${API}/countries`,
        () => new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } }),
      ),
    )
    const { response } = await api.GET('/countries')
    // A body of its own would be the whole text encoded again: as costly on a tablet as a parse.
    expect(response.body).toBeNull()
    expect(await response.text()).toBe(text)
  })
})

describe('error mapping', () => {
  // Raw MSW: most of these lie outside the contract on purpose (a 500, an HTML 503, a broken or
  // bare body, a dropped connection); what a broken server sends is what the client must survive.
  const cases: [string, () => Response | Promise<Response>, Partial<ApiError>][] = [
    [
      '401 envelope',
      () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Authentication needed.' } },
          { status: 401 },
        ),
      { kind: 'http', status: 401, message: 'Authentication needed.' },
    ],
    [
      '403 envelope',
      () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Access denied.' } },
          { status: 403 },
        ),
      { kind: 'http', status: 403, message: 'Access denied.' },
    ],
    [
      '404 with meta {}',
      () => HttpResponse.json({ success: false, data: null, meta: {} }, { status: 404 }),
      { kind: 'http', status: 404, message: 'HTTP 404', own: { reason: 'status' } },
    ],
    [
      '404 with meta []',
      () => HttpResponse.json({ success: false, data: null, meta: [] }, { status: 404 }),
      { kind: 'http', status: 404, message: 'HTTP 404', own: { reason: 'status' } },
    ],
    [
      'legacy body',
      () =>
        HttpResponse.json(
          {
            errors: { code: 401, message: 'Authentication needed' },
            meta: { message: 'Authentication needed.' },
          },
          { status: 401 },
        ),
      { kind: 'http', status: 401, message: 'Authentication needed.' },
    ],
    [
      'legacy body under HTTP 200 carries its status in errors.code',
      () =>
        HttpResponse.json({
          errors: { code: 404, message: 'Not found' },
          meta: { message: 'Not found.' },
        }),
      { kind: 'http', status: 404, message: 'Not found.' },
    ],
    [
      'legacy body without meta',
      () => HttpResponse.json({ errors: { code: 403, message: 'No rights' } }, { status: 403 }),
      { kind: 'http', status: 403, message: 'No rights' },
    ],
    [
      'success:false with 200',
      () =>
        HttpResponse.json({
          success: false,
          data: null,
          meta: { message: 'Location is not connected to a register.' },
        }),
      { kind: 'http', status: 200, message: 'Location is not connected to a register.' },
    ],
    [
      'non-JSON error page',
      () =>
        new HttpResponse('<h1>502 Bad Gateway</h1>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
      { kind: 'http', status: 502, message: 'HTTP 502', own: { reason: 'status' } },
    ],
    [
      'malformed JSON with 200',
      () =>
        new HttpResponse('{"success":true,"data":[', {
          headers: { 'Content-Type': 'application/json' },
        }),
      { kind: 'malformed', status: 200 },
    ],
    ['JSON without an envelope', () => HttpResponse.json([1, 2, 3]), { kind: 'malformed' }],
    ['network failure', () => HttpResponse.error(), { kind: 'network', status: 0 }],
    [
      '429 with Retry-After',
      () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Too many requests.' } },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      { kind: 'http', status: 429, retryAfterSeconds: 7 },
    ],
  ]

  it.each(cases)('%s', async (_name, respond, expected) => {
    signInAsManager()
    server.use(http.get(`${API}/countries`, respond))
    const error = await failureOf(getCountries())
    expect(error).toMatchObject(expected)
    expect(error.operation).toBe('GET /api/v1/countries')
  })

  it('reads field errors of 422 as a list or as a map', async () => {
    signInAsManager()
    // Raw MSW: the spec lists no 422 for /countries; the client must read one wherever it comes.
    server.use(
      http.get(`${API}/countries`, () =>
        HttpResponse.json(
          {
            success: false,
            data: null,
            meta: {
              message: 'An error has occurred.',
              errors: [{ field: 'login', message: 'Required.' }, 'Plain problem'],
            },
          },
          { status: 422 },
        ),
      ),
    )
    expect((await failureOf(getCountries())).fieldErrors).toEqual([
      { field: 'login', message: 'Required.' },
      { field: null, message: 'Plain problem' },
    ])
    server.use(
      http.get(`${API}/countries`, () =>
        HttpResponse.json(
          {
            success: false,
            data: null,
            meta: { message: 'Bad.', errors: { password: ['Too short.', 'Too simple.'] } },
          },
          { status: 422 },
        ),
      ),
    )
    expect((await failureOf(getCountries())).fieldErrors).toEqual([
      { field: 'password', message: 'Too short.' },
      { field: 'password', message: 'Too simple.' },
    ])
  })

  it('keeps the request id the server sends', async () => {
    signInAsManager()
    // Raw MSW: a 500 is outside the contract.
    server.use(
      http.get(`${API}/countries`, () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Oops.' } },
          { status: 500, headers: { 'X-Request-Id': 'req-42' } },
        ),
      ),
    )
    expect(await failureOf(getCountries())).toMatchObject({
      status: 500,
      requestId: 'req-42',
      message: 'Oops.',
    })
  })

  it('times out and says the outcome is unknown', async () => {
    signInAsManager()
    configureClient({ timeoutMs: 50 })
    server.use(
      route(
        'get',
        '/countries',
        'listCountries',
      )(async ({ reply }) => {
        await delay(1_000)
        return reply(200, { success: true, data: [], meta: [] })
      }),
    )
    const error = await failureOf(getCountries())
    expect(error.kind).toBe('timeout')
    expect(mayHaveTakenEffect(error)).toBe(true)
  })

  it('ends the session once on a 401 to a call made with it, and never carries a token in the error', async () => {
    signInAsManager()
    server.use(
      route(
        'get',
        '/countries',
        'listCountries',
      )(({ reply }) =>
        reply(401, { success: false, data: null, meta: { message: 'Authentication needed.' } }),
      ),
    )
    const error = await failureOf(getCountries())
    expect(getSession()).toBeNull()
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('demo-')
  })

  it('ends the session on a legacy 401 body, even under HTTP 200', async () => {
    signInAsManager()
    // Raw MSW: a legacy error body under HTTP 200 is outside the contract.
    server.use(
      http.get(`${API}/countries`, () =>
        HttpResponse.json({ errors: { code: 401, message: 'Authentication needed' } }),
      ),
    )
    const error = await failureOf(getCountries())
    expect(error.status).toBe(401)
    expect(getSession()).toBeNull()
  })

  it('sends YCLIENTS’ Accept when configured for that deployment, and only that changes', async () => {
    signInAsManager()
    configureClient({ flavour: 'yclients' })
    const seen = captureHeaders('/countries')
    await getCountries()
    configureClient({ flavour: 'altegio' })
    expect(seen).toHaveLength(1)
    expect(seen[0]?.get('Accept')).toBe('application/vnd.yclients.v2+json')
    expect(seen[0]?.get('Authorization')).toBe('Bearer demo-partner-token')
  })

  it('does not end the session when a 401 answers a call made with other tokens (sign-in attempts)', async () => {
    startSession({ partnerToken: 'p', userToken: 'u', user: null })
    server.use(
      route(
        'post',
        '/auth',
        'authenticateUser',
      )(({ reply }) =>
        reply(401, {
          success: false,
          data: null,
          meta: { message: 'Incorrect login or password.' },
        }),
      ),
    )
    await failureOf(signInWithPassword({ partnerToken: 'x', login: 'a@b.c', password: 'y' }))
    expect(getSession()).not.toBeNull()
    endSession('signed-out')
  })

  it('payload() refuses an empty result', () => {
    expect(() => payload({})).toThrow(ApiError)
    expect(typeof api.GET).toBe('function')
  })
})

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5)
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThanOrEqual(9)
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter(null)).toBeNull()
  })
})
