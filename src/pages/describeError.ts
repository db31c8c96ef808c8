import { isApiError } from '@/api/errors'
import type { Messages } from '@/i18n'

export interface ErrorDescription {
  title: string
  message: string
  /** Field errors as sent by the server, shown under the message. */
  details: string[]
  /** Worth a retry button: the same request may succeed later. */
  retryable: boolean
}

/** Turns any failure into words a cashier can act on. Never includes a token. */
export function describeError(error: unknown, t: Messages): ErrorDescription {
  const e = t.errors
  if (!isApiError(error)) {
    return {
      title: e.generic,
      message: error instanceof Error ? error.message : e.unexpected,
      details: [],
      retryable: true,
    }
  }
  const details = error.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))
  switch (error.kind) {
    case 'network':
      return { title: e.network, message: error.message, details, retryable: true }
    case 'timeout':
      return {
        title: e.timeout,
        message: error.message,
        details,
        retryable: true,
      }
    case 'malformed':
      return { title: e.malformed, message: error.message, details, retryable: true }
    case 'http':
      break
  }
  const titles: Record<number, string> = {
    401: e[401],
    403: e[403],
    404: e[404],
    422: e[422],
    429: e[429],
  }
  const retryable = error.status >= 500 || error.status === 429 || error.status === 200
  const title =
    titles[error.status] ??
    (error.status >= 500
      ? e.server
      : error.status === 200
        ? e.apiFailure
        : e.httpFailed(error.status))
  const wait =
    error.status === 429 && error.retryAfterSeconds ? e.retryIn(error.retryAfterSeconds) : ''
  return { title, message: `${error.message}${wait}`, details, retryable }
}
