import { isApiError, type ApiError } from '@/api/errors'
import type { Messages } from '@/i18n'

export interface ErrorDescription {
  title: string
  message: string
  /** Field errors as sent by the server, shown under the message. */
  details: string[]
  /** Worth a retry button: the same request may succeed later. */
  retryable: boolean
}

/** The server's own message as sent; the console's own, in the language shown. */
function messageOf(error: ApiError, e: Messages['errors']): string {
  const own = error.own
  if (own === null) return error.message
  switch (own.reason) {
    case 'timeout':
      return e.noAnswerWithin(own.seconds)
    case 'unreachable':
      return e.unreachable
    case 'unreadable':
      return e.unreadable
    case 'empty':
      return e.emptyAnswer
    case 'status':
      return e.statusMessages[error.status] ?? e.statusOther(error.status)
  }
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
  const message = messageOf(error, e)
  switch (error.kind) {
    case 'network':
      return { title: e.network, message, details, retryable: true }
    case 'timeout':
      return { title: e.timeout, message, details, retryable: true }
    case 'malformed':
      return { title: e.malformed, message, details, retryable: true }
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
  return { title, message: `${message}${wait}`, details, retryable }
}
