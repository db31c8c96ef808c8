/** Why a call failed, in terms the UI can act on. */
export type ApiErrorKind =
  | 'http' // the server answered with an error status or `success: false`
  | 'network' // no answer: offline, DNS, connection refused or dropped
  | 'timeout' // no answer in time; for a POST the outcome is unknown
  | 'malformed' // the server answered, but not with the JSON envelope we expect

export interface FieldError {
  field: string | null
  message: string
}

/**
 * Why the console wrote the message itself, when the server sent none: the interface words it in
 * its own language from this. A message from the server is shown as sent.
 */
export type OwnMessage =
  | { reason: 'timeout'; seconds: number }
  | { reason: 'unreachable' }
  | { reason: 'unreadable' }
  | { reason: 'empty' }
  | { reason: 'status' }

interface ApiErrorInit {
  kind: ApiErrorKind
  status?: number
  /** For logs: the server's message, or a short one of ours (the UI words `own` itself). */
  message: string
  own?: OwnMessage
  fieldErrors?: FieldError[]
  retryAfterSeconds?: number | null
  requestId?: string | null
  operation?: string
}

/** The one error type every failed API call turns into. Never carries a token. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  /** HTTP status; 0 when no response arrived. */
  readonly status: number
  readonly fieldErrors: FieldError[]
  readonly retryAfterSeconds: number | null
  readonly requestId: string | null
  /** `METHOD /path` of the failed call, for support. */
  readonly operation: string
  /** Set when the console wrote `message` itself; null when the message is the server's own. */
  readonly own: OwnMessage | null

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.kind = init.kind
    this.status = init.status ?? 0
    this.fieldErrors = init.fieldErrors ?? []
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.requestId = init.requestId ?? null
    this.operation = init.operation ?? ''
    this.own = init.own ?? null
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** `meta.errors` is undocumented: accept a list (of strings or `{field, message}`) or a map. */
export function parseFieldErrors(raw: unknown): FieldError[] {
  if (Array.isArray(raw)) {
    return raw.flatMap((item): FieldError[] => {
      const plain = text(item)
      if (plain) return [{ field: null, message: plain }]
      if (!isRecord(item)) return []
      const message = text(item.message) ?? text(item.title) ?? text(item.detail)
      if (!message) return []
      return [{ field: text(item.field) ?? text(item.name) ?? text(item.attribute), message }]
    })
  }
  if (isRecord(raw)) {
    return Object.entries(raw).flatMap(([field, value]) => {
      const messages = Array.isArray(value) ? value : [value]
      return messages.flatMap((message) => {
        const clean = text(message)
        return clean ? [{ field, message: clean }] : []
      })
    })
  }
  return []
}

/**
 * Reads every documented error shape: the envelope `{success:false, meta:{message, errors}}`,
 * `meta: []`, and the legacy `{errors:{code, message}}`.
 */
export function describeErrorBody(body: unknown): {
  message: string | null
  fieldErrors: FieldError[]
} {
  if (!isRecord(body)) return { message: null, fieldErrors: [] }
  const meta = isRecord(body.meta) ? body.meta : {}
  const legacy = isRecord(body.errors) ? body.errors : null
  const message = text(meta.message) ?? (legacy ? text(legacy.message) : null) ?? text(body.message)
  const fieldErrors = parseFieldErrors(legacy ? undefined : (meta.errors ?? body.errors))
  return { message, fieldErrors }
}

/**
 * The status a failed answer stands for, or null when it did not fail. The legacy body may come
 * with HTTP 200 and carry the real status in `errors.code` (a 401 there ends the session like
 * any 401); `success: false` under 200 is a refusal with the answer's own status.
 */
export function errorStatusOf(httpStatus: number, body: unknown): number | null {
  const ok = httpStatus >= 200 && httpStatus < 300
  if (!ok) return httpStatus
  if (!isRecord(body)) return null
  if (body.success === false) return httpStatus
  if (body.success === undefined && isRecord(body.errors) && !('data' in body)) {
    const code = Number(body.errors.code)
    return Number.isInteger(code) && code >= 400 && code <= 599 ? code : 400
  }
  return null
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}
