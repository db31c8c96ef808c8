/** The documented limit: 5 requests a second per IP. */
export const RATE_PER_SECOND = 5
const WINDOW_MS = 1000

/** When the requests of the last second were answered (epoch ms, oldest first). */
const answered: number[] = []

function prune(now: number) {
  // Entries after `now` mean a test moved the clock back: they belong to another timeline.
  if (answered.some((at) => at > now)) answered.length = 0
  while ((answered[0] ?? Infinity) <= now - WINDOW_MS) answered.shift()
}

/**
 * Seconds until a request would be served again, or null if it may be served now. Only answered
 * requests fill the window: a client that retries on 429 is not punished for the retries.
 */
export function retryAfterSeconds(now = Date.now()): number | null {
  prune(now)
  const oldest = answered[0]
  if (answered.length < RATE_PER_SECOND || oldest === undefined) return null
  return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000))
}

/** How many requests the strict window refused since the last reset: what a journey must keep at 0. */
let refusals = 0

export function recordRefused(): void {
  refusals++
}

export function rateRefusals(): number {
  return refusals
}

export function recordAnswered(now = Date.now()): void {
  answered.push(now)
}

export function resetRateWindow(): void {
  answered.splice(0, answered.length)
  refusals = 0
}
