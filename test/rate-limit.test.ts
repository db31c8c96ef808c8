import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RateLimiter } from '@/api/rateLimit'

/** The largest number of starts inside any window of `windowMs`. */
function busiestWindow(starts: number[], windowMs: number): number {
  return Math.max(0, ...starts.map((t) => starts.filter((s) => s >= t && s < t + windowMs).length))
}

describe('RateLimiter', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('lets a burst of 50 through, never more than 5 in any second, none dropped, in order', async () => {
    const limiter = new RateLimiter(5, 1000)
    const starts: number[] = []
    const order: number[] = []
    const all = Array.from({ length: 50 }, (_, i) =>
      limiter.acquire().then(() => {
        starts.push(Date.now())
        order.push(i)
      }),
    )
    await vi.runAllTimersAsync()
    await Promise.all(all)
    expect(starts).toHaveLength(50)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(busiestWindow(starts, 1000)).toBe(5)
    // 50 requests at 5 a second take at least 9 seconds after the first.
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(9000)
  })

  it('holds everything during a pause after a 429', async () => {
    const limiter = new RateLimiter(5, 1000)
    const begin = Date.now()
    limiter.pause(3000)
    let startedAt = 0
    const done = limiter.acquire().then(() => (startedAt = Date.now()))
    await vi.runAllTimersAsync()
    await done
    expect(startedAt - begin).toBeGreaterThanOrEqual(3000)
  })
})
