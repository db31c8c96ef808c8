import createClient, { type Middleware } from 'openapi-fetch'
import { ApiError, describeErrorBody, errorStatusOf, parseRetryAfter } from './errors'
import { ACCEPT_BY_FLAVOUR, configuredFlavour, type ApiFlavour } from './flavour'
import { RateLimiter } from './rateLimit'
import type { paths } from './schema.gen'

export const DEFAULT_API_BASE = '/api/v1'

export interface Credentials {
  partnerToken: string
  userToken: string | null
}

/** Operations the API authorizes with the partner token alone. */
const PARTNER_ONLY_PATHS: ReadonlySet<string> = new Set(['/auth', '/countries'])

export function authorizationHeader(credentials: Credentials, partnerOnly = false): string {
  const partner = `Bearer ${credentials.partnerToken}`
  return partnerOnly || !credentials.userToken
    ? partner
    : `${partner}, User ${credentials.userToken}`
}

interface ClientSettings {
  credentials: () => Credentials | null
  /** Called once per 401 answered to a call made with the session's credentials. */
  onUnauthorized: () => void
  /** Called when the API asks us to slow down. */
  onRateLimited: (retryAfterSeconds: number | null) => void
  timeoutMs: number
  /** Which deployment is spoken to: it decides the Accept header of every request. */
  flavour: ApiFlavour
}

const settings: ClientSettings = {
  credentials: () => null,
  onUnauthorized: () => undefined,
  onRateLimited: () => undefined,
  timeoutMs: 20_000,
  flavour: configuredFlavour(),
}

/** The Accept value every request carries, for the deployment configured. */
export function acceptHeader(): string {
  return ACCEPT_BY_FLAVOUR[settings.flavour]
}

export function apiFlavour(): ApiFlavour {
  return settings.flavour
}

/** The session and the app shell plug in here; `api/` itself knows nothing of React or storage. */
export function configureClient(next: Partial<ClientSettings>): void {
  Object.assign(settings, next)
}

// A tenth of a second of margin: the server counts by its own clock, and the network can bunch requests.
export const rateLimiter = new RateLimiter(5, 1100)

/** The API's base URL as this app calls it: VITE_API_BASE_URL or /api/v1, against the page's origin. */
export function resolveBaseUrl(): string {
  // `import.meta.env` exists only under Vite; scripts run by tsx import this module too.
  const configured = import.meta.env?.VITE_API_BASE_URL || DEFAULT_API_BASE
  const origin = globalThis.location?.origin
  return new URL(
    configured,
    origin && origin !== 'null' ? origin : 'http://localhost',
  ).href.replace(/\/$/, '')
}

const SESSION_AUTH_MARK = 'x-kkm-session-auth'

const headers: Middleware = {
  onRequest({ request, schemaPath }) {
    request.headers.set('Accept', acceptHeader())
    if (request.headers.has('Authorization')) return request
    const credentials = settings.credentials()
    if (!credentials) return request
    request.headers.set(
      'Authorization',
      authorizationHeader(credentials, PARTNER_ONLY_PATHS.has(schemaPath)),
    )
    // Remembered locally (stripped before sending) so a 401 only ends the session it belongs to.
    request.headers.set(SESSION_AUTH_MARK, '1')
    return request
  },
}

function operationOf(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`
}

/** Sends one request: waits its turn under the rate limit, times out, and turns every failure into ApiError. */
async function send(input: Request): Promise<Response> {
  const operation = operationOf(input)
  const usedSession = input.headers.has(SESSION_AUTH_MARK)
  const request = new Request(input)
  request.headers.delete(SESSION_AUTH_MARK)

  await rateLimiter.acquire()
  if (input.signal.aborted) throw input.signal.reason

  const controller = new AbortController()
  const abortFromCaller = () => controller.abort(input.signal.reason)
  input.signal.addEventListener('abort', abortFromCaller, { once: true })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, settings.timeoutMs)

  let response: Response
  let text: string
  try {
    response = await globalThis.fetch(request, { signal: controller.signal })
    text = await response.text()
  } catch (cause) {
    if (timedOut) {
      throw new ApiError({
        kind: 'timeout',
        operation,
        message: `timeout after ${settings.timeoutMs} ms`,
        own: { reason: 'timeout', seconds: Math.round(settings.timeoutMs / 1000) },
      })
    }
    if (input.signal.aborted) throw cause // cancelled by the caller (e.g. React Query): not an error
    throw new ApiError({
      kind: 'network',
      operation,
      message: 'network error',
      own: { reason: 'unreachable' },
    })
  } finally {
    clearTimeout(timer)
    input.signal.removeEventListener('abort', abortFromCaller)
  }

  const requestId = response.headers.get('x-request-id')
  let body: unknown
  let parsed = true
  try {
    body = JSON.parse(text)
  } catch {
    parsed = false
  }

  // An error status, `success: false`, or the legacy `{errors:{code, message}}` on any status.
  const status = errorStatusOf(response.status, parsed ? body : undefined)
  if (status !== null) {
    const { message, fieldErrors } = describeErrorBody(body)
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
    if (status === 429) {
      rateLimiter.pause((retryAfterSeconds ?? 2) * 1000)
      settings.onRateLimited(retryAfterSeconds)
    }
    if (status === 401 && usedSession) settings.onUnauthorized()
    throw new ApiError({
      kind: 'http',
      status,
      operation,
      requestId,
      retryAfterSeconds,
      fieldErrors,
      message: message ?? `HTTP ${status}`,
      own: message === null ? { reason: 'status' } : undefined,
    })
  }
  if (!parsed || typeof body !== 'object' || body === null || !('data' in body)) {
    throw new ApiError({
      kind: 'malformed',
      status: response.status,
      operation,
      requestId,
      message: 'unreadable response',
      own: { reason: 'unreadable' },
    })
  }
  return new ParsedResponse(body, text, response)
}

/**
 * The answer handed to openapi-fetch, with the body `send` has already parsed: its `json()` gives
 * that, not a second parse (a 1,000-row page is ~3 ms of JSON.parse on a desktop, four times that
 * on a tablet). It carries no stream: copying the text into one encoded it again, which cost a
 * tablet as much as the parse. openapi-fetch calls `json()` only when there is a Content-Length,
 * so it is set; `text()` gives the text as received.
 */
class ParsedResponse extends Response {
  readonly #body: unknown
  readonly #text: string

  constructor(body: unknown, text: string, received: Response) {
    const headers = new Headers(received.headers)
    // Characters, not bytes: openapi-fetch reads it only to tell an empty answer from one to parse.
    headers.set('Content-Length', String(text.length))
    super(null, { status: received.status, statusText: received.statusText, headers })
    this.#body = body
    this.#text = text
  }

  override json(): Promise<unknown> {
    return Promise.resolve(this.#body)
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text)
  }
}

/** The one client. The spec's `paths` type every call, its parameters and its envelope. */
export const api = createClient<paths>({
  baseUrl: resolveBaseUrl(),
  // Looked up per call, so MSW (which patches fetch in tests) is honoured.
  fetch: (request) => send(request),
})
api.use(headers)

/** The envelope's payload of a successful call (errors were thrown by `send`). */
export function payload<T>(result: { data?: T; error?: unknown }): T {
  if (result.data === undefined) {
    throw new ApiError({
      kind: 'malformed',
      message: 'empty response',
      own: { reason: 'empty' },
    })
  }
  return result.data
}
