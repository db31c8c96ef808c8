/**
 * Altegio allows 5 requests a second per IP, and a whole salon shares one IP: never start more
 * than `limit` requests in any `windowMs`. Callers wait in a queue; nothing is dropped.
 */
export class RateLimiter {
  private readonly starts: number[] = []
  private pausedUntil = 0
  private tail: Promise<void> = Promise.resolve()

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 1000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Resolves when the caller may send; callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.tail.then(() => this.waitForSlot())
    this.tail = turn.catch(() => undefined)
    return turn
  }

  /** After a 429, hold every request until the server's cool-down has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms)
  }

  /** Forgets history and any pause: a fresh limiter for each test. */
  reset(): void {
    this.starts.length = 0
    this.pausedUntil = 0
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now()
      while (this.starts.length > 0 && now - (this.starts[0] ?? 0) >= this.windowMs)
        this.starts.shift()
      const waitForWindow =
        this.starts.length >= this.limit ? (this.starts[0] ?? now) + this.windowMs - now : 0
      const wait = Math.max(waitForWindow, this.pausedUntil - now)
      if (wait <= 0) {
        this.starts.push(now)
        return
      }
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}
