/**
 * Altegio counts its limit (5 requests a second, 200 a minute) per calling address, and behind
 * this server every till of the business shares that address: one budget for all of them.
 * A request holds its place in the windows from the moment it is sent until a second (a minute)
 * after its answer came back, so the limit holds whether the upstream counts arrivals or
 * answers, however long each one took.
 * Waiting requests are served round-robin by client, a client's writes (prints) before its reads,
 * so one tab's long list cannot starve another's print. The queue is bounded in length and in
 * wait; a request turned away is turned away before it is sent, never after.
 */

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface BudgetOptions {
  perSecond: number
  perMinute: number
  /** Waiting requests beyond this are refused at once. */
  maxQueue: number
  /** A request not sent within this is refused. */
  maxWaitMs: number
  /**
   * Added to each window: two requests dispatched 1,000 ms apart can arrive closer together
   * after network jitter, and the upstream counts arrivals.
   */
  marginMs?: number
  clock?: Clock
}

export type RejectReason = 'full' | 'timeout' | 'stopping'

export class BudgetRejected extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly retryAfterSeconds: number,
  ) {
    super(`rate budget: ${reason}`)
    this.name = 'BudgetRejected'
  }
}

interface Waiter {
  client: string
  resolve: (slot: Slot) => void
  reject: (error: unknown) => void
  timer: unknown
  unlisten: () => void
}

interface ClientQueue {
  writes: Waiter[]
  reads: Waiter[]
}

export interface AcquireOptions {
  /** Not idempotent (a print): served before the same client's reads. */
  write?: boolean
  /** A retry after a 429: it already waited its turn once. */
  front?: boolean
  /** The client went away: leave the queue without being sent. */
  signal?: AbortSignal
}

/** A request let through: release it when its answer (or its failure) is in. */
export interface Slot {
  release(): void
}

/** When a sent request was answered; Infinity while it is still out. */
interface Sent {
  at: number
}

export class Budget {
  private readonly clock: Clock
  private readonly secondMs: number
  private readonly minuteMs: number
  /** Requests out or answered within the last minute, in the order they were sent. */
  private sent: Sent[] = []
  private readonly queues = new Map<string, ClientQueue>()
  /** Clients with someone waiting, in the order they get their next turn. */
  private readonly turns: string[] = []
  private waiting = 0
  private pausedUntil = 0
  private timer: unknown = null
  private stopping = false

  constructor(private readonly options: BudgetOptions) {
    this.clock = options.clock ?? realClock
    this.secondMs = 1000 + (options.marginMs ?? 50)
    this.minuteMs = 60_000 + (options.marginMs ?? 50)
  }

  get queued(): number {
    return this.waiting
  }

  get maxWaitMs(): number {
    return this.options.maxWaitMs
  }

  /** Resolves when the caller may send one request upstream; rejects with BudgetRejected. */
  acquire(client: string, options: AcquireOptions = {}): Promise<Slot> {
    const { signal } = options
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.stopping) return Promise.reject(new BudgetRejected('stopping', 1))
    if (this.waiting >= this.options.maxQueue) {
      return Promise.reject(new BudgetRejected('full', this.retryAfterSeconds()))
    }
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = () => this.remove(waiter, signal?.reason)
      const waiter: Waiter = {
        client,
        resolve,
        reject,
        timer: this.clock.setTimeout(
          () => this.remove(waiter, new BudgetRejected('timeout', this.retryAfterSeconds())),
          this.options.maxWaitMs,
        ),
        unlisten: () => signal?.removeEventListener('abort', onAbort),
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.enqueue(waiter, options)
      this.pump()
    })
  }

  /** An upstream 429: nobody is sent until its Retry-After has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms)
    this.pump()
  }

  /** Shutting down: nobody new is queued, and whoever is not sent within `withinMs` is refused. */
  drain(withinMs: number): void {
    this.stopping = true
    for (const queue of this.queues.values()) {
      for (const waiter of [...queue.writes, ...queue.reads]) {
        this.clock.clearTimeout(waiter.timer)
        waiter.timer = this.clock.setTimeout(
          () => this.remove(waiter, new BudgetRejected('stopping', 1)),
          withinMs,
        )
      }
    }
  }

  private enqueue(waiter: Waiter, options: AcquireOptions): void {
    let queue = this.queues.get(waiter.client)
    if (!queue) {
      queue = { writes: [], reads: [] }
      this.queues.set(waiter.client, queue)
    }
    const line = options.write ? queue.writes : queue.reads
    if (options.front) line.unshift(waiter)
    else line.push(waiter)
    if (!this.turns.includes(waiter.client)) {
      if (options.front) this.turns.unshift(waiter.client)
      else this.turns.push(waiter.client)
    }
    this.waiting++
  }

  private remove(waiter: Waiter, error: unknown): void {
    const queue = this.queues.get(waiter.client)
    if (!queue) return
    for (const line of [queue.writes, queue.reads]) {
      const index = line.indexOf(waiter)
      if (index === -1) continue
      line.splice(index, 1)
      this.waiting--
      this.settle(waiter)
      this.forgetIfEmpty(waiter.client, queue)
      waiter.reject(error)
      return
    }
  }

  private settle(waiter: Waiter): void {
    this.clock.clearTimeout(waiter.timer)
    waiter.unlisten()
  }

  private forgetIfEmpty(client: string, queue: ClientQueue): void {
    if (queue.writes.length > 0 || queue.reads.length > 0) return
    this.queues.delete(client)
    const turn = this.turns.indexOf(client)
    if (turn !== -1) this.turns.splice(turn, 1)
  }

  /**
   * The earliest time the next request may go: the pause, then both windows; Infinity when
   * the windows are full of requests still out, whose answers will call pump().
   */
  private nextSendAt(now: number): number {
    this.forget(now)
    return Math.max(
      this.pausedUntil,
      this.windowOpensAt(now, this.secondMs, this.options.perSecond),
      this.windowOpensAt(now, this.minuteMs, this.options.perMinute),
    )
  }

  /**
   * Drops the requests answered over a minute ago from the front of the list, in place: they
   * were sent in order and are mostly answered in order. One still out keeps the ones behind it
   * until it is answered or times out; the windows skip them meanwhile. Copying the whole list
   * on every pump (twice more to count the windows) was two thirds of all the proxy allocated
   * with the budget lifted, when the list holds a minute of requests at a thousand a second.
   */
  private forget(now: number): void {
    const horizon = now - this.minuteMs
    let gone = 0
    while (gone < this.sent.length && (this.sent[gone]?.at ?? Infinity) <= horizon) gone++
    if (gone > 0) this.sent.splice(0, gone)
  }

  private windowOpensAt(now: number, windowMs: number, limit: number): number {
    // However many of these are still in the window, fewer than the limit: nothing to count.
    if (this.sent.length < limit) return 0
    const inWindow = this.sent.filter((each) => each.at > now - windowMs)
    if (inWindow.length < limit) return 0
    // The answered ones leave the window in the order they were answered.
    const answered = inWindow
      .map((each) => each.at)
      .filter(Number.isFinite)
      .sort((a, b) => a - b)
    const leaving = answered[inWindow.length - limit]
    return leaving === undefined ? Infinity : leaving + windowMs
  }

  private pump(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    while (this.waiting > 0) {
      const now = this.clock.now()
      const at = this.nextSendAt(now)
      if (at > now) {
        if (at !== Infinity) this.timer = this.clock.setTimeout(() => this.pump(), at - now)
        return
      }
      const client = this.turns.shift()
      const queue = client === undefined ? undefined : this.queues.get(client)
      const waiter = queue?.writes.shift() ?? queue?.reads.shift()
      if (client === undefined || !queue || !waiter) return
      this.waiting--
      const sent: Sent = { at: Infinity }
      this.sent.push(sent)
      this.settle(waiter)
      if (queue.writes.length > 0 || queue.reads.length > 0) this.turns.push(client)
      else this.queues.delete(client)
      waiter.resolve({
        release: () => {
          if (sent.at !== Infinity) return
          sent.at = this.clock.now()
          this.pump()
        },
      })
    }
  }

  /** How long until the queue ahead would drain, rounded up, at least a second. */
  private retryAfterSeconds(): number {
    const now = this.clock.now()
    const drain = Math.ceil((this.waiting + 1) / this.options.perSecond)
    const paused = Math.ceil((this.pausedUntil - now) / 1000)
    return Math.max(1, drain, paused)
  }
}
