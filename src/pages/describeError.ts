import { isApiError } from '@/api/errors'

export interface ErrorDescription {
  title: string
  message: string
  /** Field errors as sent by the server, shown under the message. */
  details: string[]
  /** Worth a retry button: the same request may succeed later. */
  retryable: boolean
}

/** Turns any failure into words a cashier can act on. Never includes a token. */
export function describeError(error: unknown): ErrorDescription {
  if (!isApiError(error)) {
    return {
      title: 'Something went wrong',
      message: error instanceof Error ? error.message : 'An unexpected error occurred.',
      details: [],
      retryable: true,
    }
  }
  const details = error.fieldErrors.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))
  switch (error.kind) {
    case 'network':
      return { title: 'No connection', message: error.message, details, retryable: true }
    case 'timeout':
      return {
        title: 'The server is not answering',
        message: error.message,
        details,
        retryable: true,
      }
    case 'malformed':
      return { title: 'Unreadable answer', message: error.message, details, retryable: true }
    case 'http':
      break
  }
  const titles: Record<number, string> = {
    401: 'Not signed in',
    403: 'Access denied',
    404: 'Not found',
    422: 'The server did not accept the request',
    429: 'Too many requests',
  }
  const retryable = error.status >= 500 || error.status === 429 || error.status === 200
  const title =
    titles[error.status] ??
    (error.status >= 500
      ? 'The server had a problem'
      : error.status === 200
        ? 'The API reported a failure'
        : `Request failed (HTTP ${error.status})`)
  const wait =
    error.status === 429 && error.retryAfterSeconds
      ? ` Try again in ${error.retryAfterSeconds} s.`
      : ''
  return { title, message: `${error.message}${wait}`, details, retryable }
}
