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

interface ApiErrorInit {
  kind: ApiErrorKind
  status?: number
  message: string
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

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.kind = init.kind
    this.status = init.status ?? 0
    this.fieldErrors = init.fieldErrors ?? []
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.requestId = init.requestId ?? null
    this.operation = init.operation ?? ''
  }

  /** True when a request may have reached the server but we never learnt the result. */
  get outcomeUnknown(): boolean {
    return this.kind === 'timeout' || this.kind === 'network'
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

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The server could not understand the request.',
  401: 'Authentication needed.',
  403: 'Access denied.',
  404: 'Not found.',
  422: 'The server did not accept the data.',
  429: 'Too many requests. Please wait a moment.',
  500: 'The server had an internal error.',
  502: 'The API gateway could not reach the server.',
  503: 'The service is temporarily unavailable.',
  504: 'The API gateway timed out waiting for the server.',
}

export function defaultMessageForStatus(status: number): string {
  return STATUS_MESSAGES[status] ?? `The server answered with HTTP ${status}.`
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

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}
