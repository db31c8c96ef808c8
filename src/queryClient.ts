import { QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/errors'

const RETRYABLE_STATUSES = new Set([429, 502, 503])
const MAX_GET_RETRIES = 3
/** The limiter already holds every request for Retry-After; one retry, then tell the user. */
const MAX_RATE_LIMITED_RETRIES = 1

/** GETs are idempotent: retry what a moment may cure. Nothing else is retried. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_GET_RETRIES || !isApiError(error)) return false
  if (error.status === 429) return failureCount < MAX_RATE_LIMITED_RETRIES
  return error.kind === 'network' || RETRYABLE_STATUSES.has(error.status)
}

export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== null) return error.retryAfterSeconds * 1000
  return Math.min(1000 * 2 ** attempt, 8000)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    defaultOptions: {
      queries: { retry: shouldRetryQuery, retryDelay, staleTime: 30_000 },
      // A POST may print a fiscal receipt: never repeat one by itself.
      mutations: { retry: false },
    },
  })
}
