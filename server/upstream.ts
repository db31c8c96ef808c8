import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate } from 'node:zlib'

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

/** Safe to cancel once sent: nothing changes upstream, and the browser can ask again. */
const CANCELLABLE_METHODS = new Set(['GET', 'HEAD'])

const DECODERS: Record<string, (input: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
}

/**
 * The upstream's answer, its body decoded: plain data rather than a web Response, so the proxy
 * builds the one Response it sends and @hono/node-server writes its bytes straight to the socket.
 */
export interface Answer {
  status: number
  /** Lower-case names, as node:http gives them; a repeated header joined with ", ". */
  headers: Record<string, string>
  body: Uint8Array<ArrayBuffer> | null
}

export type Sent =
  { answer: Answer } | { failed: 'timeout' | 'unreachable' | 'cancelled'; code: string }

export interface Outgoing {
  method: string
  headers: Headers
  body: ArrayBuffer | undefined
}

function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code
  }
  return error instanceof Error ? error.name : 'unknown error'
}

/**
 * The bytes as a Uint8Array on an ArrayBuffer of their own, without a copy unless the Buffer is a
 * slice of node's shared pool (small ones are).
 */
function ownBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
  if (whole && buffer.buffer instanceof ArrayBuffer) return new Uint8Array(buffer.buffer)
  const copy = new Uint8Array(buffer.length)
  copy.set(buffer)
  return copy
}

/**
 * The upstream's side of the proxy, on node:http(s) with keep-alive rather than fetch: at 50
 * connections undici's fetch held 130 MB resident where node:http needs 67. Headers and body
 * come within `timeoutMs`, so a stalled body is a clean timeout rather than a cut-off 200; the
 * body is decoded (the API may compress, as it did for fetch's Accept-Encoding) and the
 * server re-frames and may re-compress it for the browser. No redirect is followed: that would
 * talk to a host other than the configured upstream.
 * A browser that leaves cancels a read (React Query drops reads it no longer needs), but not a
 * write already sent: a print cut off midway has an unknown outcome, so it runs to its answer or
 * its timeout, and the caller (which still holds its budget slot) learns how it ended.
 */
export function createUpstream(base: URL, timeoutMs: number) {
  const https = base.protocol === 'https:'
  // Bounded: the budget lets few requests out at once, and this caps what a burst can open.
  const agent = https
    ? new HttpsAgent({ keepAlive: true, maxSockets: 32 })
    : new HttpAgent({ keepAlive: true, maxSockets: 32 })
  const request = https ? httpsRequest : httpRequest

  return function send(target: URL, outgoing: Outgoing, client: AbortSignal): Promise<Sent> {
    if (client.aborted) return Promise.resolve({ failed: 'cancelled', code: 'ECANCELED' })
    return new Promise<Sent>((resolve) => {
      let settled = false
      const finish = (sent: Sent) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        client.removeEventListener('abort', leave)
        resolve(sent)
      }
      const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' }
      outgoing.headers.forEach((value, name) => (headers[name] = value))
      const body = outgoing.body ? Buffer.from(outgoing.body) : undefined
      if (body) headers['content-length'] = String(body.length)

      const req = request(target, { method: outgoing.method, headers, agent }, (res) => {
        collect(res, outgoing.method).then(finish, (error: unknown) =>
          finish({ failed: 'unreachable', code: codeOf(error) }),
        )
      })
      const timer = setTimeout(() => {
        finish({ failed: 'timeout', code: 'ETIMEDOUT' })
        req.destroy()
      }, timeoutMs)
      const leave = () => {
        finish({ failed: 'cancelled', code: 'ECANCELED' })
        req.destroy()
      }
      if (CANCELLABLE_METHODS.has(outgoing.method)) {
        client.addEventListener('abort', leave, { once: true })
      }
      req.on('error', (error) => finish({ failed: 'unreachable', code: codeOf(error) }))
      req.end(body)
    })
  }
}

async function collect(res: IncomingMessage, method: string): Promise<Sent> {
  const chunks: Buffer[] = []
  for await (const chunk of res) chunks.push(chunk as Buffer)
  const status = res.statusCode ?? 502
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  if (method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
    return { answer: { status, headers, body: null } }
  }
  let raw: Buffer = Buffer.concat(chunks)
  const encoding = headers['content-encoding']?.trim().toLowerCase()
  const decode = encoding ? DECODERS[encoding] : undefined
  if (decode) {
    raw = await decode(raw)
    delete headers['content-encoding']
  }
  return { answer: { status, headers, body: ownBytes(raw) } }
}
