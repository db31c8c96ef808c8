import { createHash } from 'node:crypto'
import { BudgetRejected, type Budget, type Slot } from './budget.ts'
import { API_PATH } from './config.ts'
import { encodeAnswer } from './encoding.ts'
import { envelope } from './envelope.ts'
import { createUpstream, type Answer, type Sent } from './upstream.ts'
import type { Context } from 'hono'
import type { IncomingMessage } from 'node:http'

const FORWARDED_REQUEST_HEADERS = ['authorization', 'accept', 'content-type'] as const

/**
 * Upstream headers that describe the upstream connection or encoding rather than the response:
 * fetch has already decoded the body, and Node sets framing for the body we send. Cookies and CORS
 * grants are the upstream origin's business and must not attach to ours.
 */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-encoding',
  'content-length',
  'set-cookie',
])

/** What the browser's limiter also assumes when a 429 comes without Retry-After. */
const DEFAULT_PAUSE_MS = 2_000

/** Only reads are sent again after a 429: a print must never reach the API twice. */
const RETRIED_METHODS = new Set(['GET', 'HEAD'])

export interface UpstreamHealth {
  /** performance.now() of the upstream's last HTTP answer (any status), or null. */
  lastAnswerAt: number | null
}

/**
 * How long an upstream 429 asks everyone to wait: seconds or an HTTP date, as the API may send
 * either. The proxy and the /readyz probe both pause the budget by it.
 */
export function retryAfterMs(header: string | null): number {
  if (header === null) return DEFAULT_PAUSE_MS
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? DEFAULT_PAUSE_MS : Math.max(0, date - Date.now())
}

/**
 * Who is asking, for the budget's fairness: one signed-in user (by the Authorization header, hashed
 * so no token sits in the queue's keys), else the connection's address.
 */
export function clientKey(c: Context): string {
  const authorization = c.req.header('authorization')
  if (authorization) {
    return `auth:${createHash('sha256').update(authorization).digest('base64url').slice(0, 16)}`
  }
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  return `addr:${incoming?.socket.remoteAddress ?? 'unknown'}`
}

/**
 * The upstream's answer for the browser: its headers less the dropped ones, its body compressed
 * for this client. One plain Response with the bytes, which @hono/node-server writes directly.
 */
async function passBack(answer: Answer, acceptEncoding: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(answer.headers)) {
    if (!DROPPED_RESPONSE_HEADERS.has(name) && !name.startsWith('access-control-')) {
      headers[name] = value
    }
  }
  const body = answer.body && (await encodeAnswer(answer.body, headers, acceptEncoding))
  if (body) headers['content-length'] = String(body.byteLength)
  return new Response(body, { status: answer.status, headers })
}

function refused(c: Context, rejection: BudgetRejected): Response {
  c.header('Retry-After', String(rejection.retryAfterSeconds))
  c.header('Cache-Control', 'no-store')
  const message =
    rejection.reason === 'stopping'
      ? 'The server is restarting; try again shortly.'
      : 'Too many requests are waiting for the API; try again shortly.'
  return c.json(envelope(message), 503)
}

/** How a sent request ended, for the log: never a header, never the query. */
function outcomeOf(sent: Sent): string {
  return 'failed' in sent ? `${sent.failed} (${sent.code})` : `answered ${sent.answer.status}`
}

export interface ProxyOptions {
  upstream: URL
  timeoutMs: number
  budget: Budget
  health: UpstreamHealth
  /** Upstream calls still out, a stop waits for them: a print whose browser left included. */
  inFlight: Set<Promise<unknown>>
}

export function proxyTo({ upstream, timeoutMs, budget, health, inFlight }: ProxyOptions) {
  const base = upstream.href.replace(/\/$/, '')
  const basePath = upstream.pathname.replace(/\/$/, '')
  const send = createUpstream(upstream, timeoutMs)

  return async (c: Context): Promise<Response> => {
    const incoming = new URL(c.req.url)
    const target = new URL(base + incoming.pathname.slice(API_PATH.length) + incoming.search)
    // The incoming URL is already normalised, so this only trips on a bug; it keeps the proxy
    // from ever reaching anything but the configured API.
    if (
      target.origin !== upstream.origin ||
      (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`))
    ) {
      return c.json(envelope('Bad request path.'), 400)
    }

    const headers = new Headers()
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = c.req.header(name)
      if (value !== undefined) headers.set(name, value)
    }
    const method = c.req.method
    const hasBody = method !== 'GET' && method !== 'HEAD'
    // Read before queueing: a body still arriving must not hold a slot of the budget.
    const body = hasBody ? await c.req.arrayBuffer() : undefined
    const client = clientKey(c)
    const signal = c.req.raw.signal
    const acceptEncoding = c.req.header('accept-encoding')

    let rateLimited: Response | null = null
    for (let attempt = 1; ; attempt++) {
      let slot: Slot
      try {
        slot = await budget.acquire(client, { write: hasBody, front: attempt > 1, signal })
      } catch (error) {
        // A retry that cannot be sent in time: the upstream's own 429 is the honest answer.
        if (rateLimited) return rateLimited
        if (error instanceof BudgetRejected) {
          console.error(`rate budget refused (${error.reason}): ${method} ${incoming.pathname}`)
          return refused(c, error)
        }
        // The browser left while waiting; nothing was sent, and nobody reads this.
        return c.json(envelope('The request was cancelled.'), 503)
      }

      // A write is not cancelled once sent (upstream.ts): whoever reconciles the prints needs to
      // know that one's browser left, and how it ended with nobody to hear it.
      const left = () =>
        console.warn(
          `browser left; the upstream has the request, its outcome follows: ${method} ${incoming.pathname}`,
        )
      if (hasBody) signal.addEventListener('abort', left, { once: true })
      const sending = send(target, { method, headers, body }, signal).finally(() => {
        signal.removeEventListener('abort', left)
        slot.release()
        inFlight.delete(sending)
      })
      inFlight.add(sending)
      const sent = await sending
      if (signal.aborted && !('failed' in sent && sent.failed === 'cancelled')) {
        console.warn(
          `browser left before the answer; upstream ${outcomeOf(sent)}: ${method} ${incoming.pathname}`,
        )
      }
      if ('failed' in sent) {
        // The browser gave up (React Query cancels reads it no longer needs): nobody reads this.
        if (sent.failed === 'cancelled') return c.json(envelope('The request was cancelled.'), 503)
        if (sent.failed === 'timeout') {
          console.error(`upstream timed out after ${timeoutMs}ms: ${method} ${incoming.pathname}`)
          const seconds = Math.round(timeoutMs / 1000)
          return c.json(envelope(`The API server did not answer within ${seconds} seconds.`), 504)
        }
        console.error(`upstream unreachable (${sent.code}): ${method} ${incoming.pathname}`)
        return c.json(envelope('The API server could not be reached.'), 502)
      }
      health.lastAnswerAt = performance.now()
      const { answer } = sent

      if (answer.status !== 429) return passBack(answer, acceptEncoding)
      // The upstream counts more than we did (another client of the address, a clock skew): hold
      // everyone, and send a read once more at the head of the line; a write goes back as is.
      const pauseMs = retryAfterMs(answer.headers['retry-after'] ?? null)
      budget.pause(pauseMs)
      console.error(`upstream 429, budget paused ${pauseMs}ms: ${method} ${incoming.pathname}`)
      rateLimited = await passBack(answer, acceptEncoding)
      // A pause longer than anyone may wait in the queue would only delay the same answer.
      const retry = RETRIED_METHODS.has(method) && attempt === 1 && pauseMs < budget.maxWaitMs
      if (!retry) return rateLimited
    }
  }
}
