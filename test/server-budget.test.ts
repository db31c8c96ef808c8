// The shared upstream budget (server/budget.ts) on a hand-driven clock: every time below is the
// clock's, so nothing waits for real and nothing depends on the machine's speed.
import { describe, expect, it } from 'vitest'
import { Budget, BudgetRejected, type BudgetOptions } from '../server/budget'
import { FakeClock } from './server-support'

interface Sent {
  label: string
  at: number
}

/** A budget on a fake clock and a log of who was let through when. */
function setup(options: Partial<BudgetOptions> = {}) {
  const clock = new FakeClock()
  const budget = new Budget({
    perSecond: 5,
    perMinute: 200,
    maxQueue: 100,
    maxWaitMs: 60_000,
    marginMs: 0,
    clock,
    ...options,
  })
  const sent: Sent[] = []
  const refused: { label: string; error: unknown }[] = []
  /** Asks for a slot; the upstream answers at once, unless `answer` is false. */
  const ask = (label: string, client: string, write = false, signal?: AbortSignal, answer = true) =>
    budget.acquire(client, { write, signal }).then(
      (slot) => {
        sent.push({ label, at: clock.now() })
        if (answer) slot.release()
        return slot
      },
      (error: unknown) => void refused.push({ label, error }),
    )
  /** Lets the promise callbacks of everything the clock released run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  /** Moves time to `ms` timer by timer, letting each release be recorded at its own time. */
  const advanceTo = async (ms: number) => {
    while (clock.fireNext(ms)) await settle()
    clock.advanceTo(ms)
    await settle()
  }
  return { clock, budget, sent, refused, ask, settle, advanceTo }
}

describe('the shared budget', () => {
  it('lets 5 through in any second and the 6th only when the first leaves the window', async () => {
    const { sent, ask, settle, advanceTo } = setup()
    for (let i = 1; i <= 12; i++) void ask(`r${i}`, 'tab')
    await settle()
    expect(sent.map((s) => s.label)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5'])
    await advanceTo(999)
    expect(sent).toHaveLength(5)
    await advanceTo(1000)
    expect(sent.map((s) => s.at)).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000])
    await advanceTo(2000)
    expect(sent).toHaveLength(12)
  })

  it('counts the window from each send, not in fixed seconds', async () => {
    const { sent, ask, settle, advanceTo } = setup()
    void ask('a', 'tab')
    await settle()
    await advanceTo(400)
    for (let i = 0; i < 5; i++) void ask(`b${i}`, 'tab')
    await settle()
    // a at 0 and four at 400 fill the second; the fifth waits until a has left it.
    expect(sent.map((s) => s.at)).toEqual([0, 400, 400, 400, 400])
    await advanceTo(1000)
    expect(sent.map((s) => s.at)).toEqual([0, 400, 400, 400, 400, 1000])
  })

  it('counts a request still out as in the window, and until a second after its answer', async () => {
    const { sent, ask, settle, advanceTo } = setup()
    const slow = ask('slow', 'tab', false, undefined, false)
    for (let i = 1; i <= 5; i++) void ask(`r${i}`, 'tab')
    await settle()
    expect(sent.map((s) => s.label)).toEqual(['slow', 'r1', 'r2', 'r3', 'r4'])
    // r1-r4 answered at 0 leave the window at 1000; the slow one is still out.
    await advanceTo(1000)
    expect(sent.map((s) => s.label)).toEqual(['slow', 'r1', 'r2', 'r3', 'r4', 'r5'])
    await advanceTo(1500)
    ;(await slow)?.release()
    for (let i = 6; i <= 9; i++) void ask(`r${i}`, 'tab')
    await settle()
    // In the second before 1500: the slow one (answered at 1500) and r5 (at 1000): 3 more fit.
    expect(sent.map((s) => s.label).slice(6)).toEqual(['r6', 'r7', 'r8'])
    await advanceTo(2000)
    expect(sent.map((s) => s.label).slice(6)).toEqual(['r6', 'r7', 'r8', 'r9'])
  })

  it('keeps a margin over the second when asked to, for jitter on the way upstream', async () => {
    const { sent, ask, settle, advanceTo } = setup({ marginMs: 50 })
    for (let i = 0; i < 6; i++) void ask(`r${i}`, 'tab')
    await settle()
    await advanceTo(1049)
    expect(sent).toHaveLength(5)
    await advanceTo(1050)
    expect(sent.at(-1)?.at).toBe(1050)
  })

  it('holds to the minute limit too', async () => {
    const { sent, ask, settle, advanceTo } = setup({ perMinute: 12, maxWaitMs: 120_000 })
    for (let i = 0; i < 15; i++) void ask(`r${i}`, 'tab')
    await settle()
    await advanceTo(59_999)
    expect(sent.map((s) => s.at)).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000])
    await advanceTo(60_000)
    expect(sent.slice(12).map((s) => s.at)).toEqual([60_000, 60_000, 60_000])
  })

  it('lets answers older than the minute go even behind a request still out', async () => {
    const { sent, ask, settle, advanceTo } = setup({ perMinute: 3, maxWaitMs: 200_000 })
    void ask('slow', 'tab', false, undefined, false)
    for (let i = 1; i <= 5; i++) void ask(`r${i}`, 'tab')
    await settle()
    expect(sent.map((s) => s.label)).toEqual(['slow', 'r1', 'r2'])
    // r1 and r2 leave the minute at 60 s though the one sent before them is still out.
    await advanceTo(60_000)
    expect(sent.map((s) => `${s.label}@${s.at}`).slice(3)).toEqual(['r3@60000', 'r4@60000'])
    await advanceTo(119_999)
    expect(sent).toHaveLength(5)
    await advanceTo(120_000)
    expect(sent.map((s) => s.label).slice(5)).toEqual(['r5'])
  })

  it('takes turns between clients: a long read of one tab does not hold another back', async () => {
    const { sent, ask, settle, advanceTo } = setup()
    for (let i = 1; i <= 20; i++) void ask(`A${i}`, 'tab-a')
    for (let i = 1; i <= 3; i++) void ask(`B${i}`, 'tab-b')
    await settle()
    await advanceTo(1000)
    await advanceTo(2000)
    expect(sent.map((s) => s.label)).toEqual([
      'A1', 'A2', 'A3', 'A4', 'A5',
      'A6', 'B1', 'A7', 'B2', 'A8',
      'B3', 'A9', 'A10', 'A11', 'A12',
    ]) // prettier-ignore
  })

  it("sends another cashier's print within a turn, ahead of the reads queued before it", async () => {
    const { sent, ask, settle, advanceTo } = setup({ perSecond: 1 })
    for (let i = 1; i <= 50; i++) void ask(`read${i}`, 'admin')
    void ask('print', 'cashier', true)
    await settle()
    await advanceTo(1000)
    await advanceTo(2000)
    expect(sent.map((s) => s.label)).toEqual(['read1', 'read2', 'print'])
  })

  it("sends a client's own print before its own reads", async () => {
    const { sent, ask, settle, advanceTo } = setup({ perSecond: 1 })
    for (let i = 1; i <= 5; i++) void ask(`read${i}`, 'tab')
    void ask('print', 'tab', true)
    await settle()
    await advanceTo(1000)
    expect(sent.map((s) => s.label)).toEqual(['read1', 'print'])
  })

  it('refuses at once past the queue bound, with a Retry-After, and never sends what it refused', async () => {
    const { sent, refused, ask, settle, advanceTo } = setup({ maxQueue: 3 })
    for (let i = 1; i <= 9; i++) void ask(`r${i}`, 'tab')
    await settle()
    // 5 sent, 3 waiting: the 9th is over the bound.
    expect(sent).toHaveLength(5)
    expect(refused.map((r) => r.label)).toEqual(['r9'])
    const [rejection] = refused
    expect(rejection?.error).toBeInstanceOf(BudgetRejected)
    expect(rejection?.error).toMatchObject({ reason: 'full', retryAfterSeconds: 1 })
    await advanceTo(5000)
    expect(sent.map((s) => s.label)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'])
  })

  it('refuses whoever is not sent within the wait limit, and sends them never after', async () => {
    const { sent, refused, ask, settle, advanceTo } = setup({ maxWaitMs: 1500 })
    for (let i = 1; i <= 15; i++) void ask(`r${i}`, 'tab')
    await settle()
    await advanceTo(1000)
    expect(sent).toHaveLength(10)
    await advanceTo(1500)
    expect(refused.map((r) => r.label)).toEqual(['r11', 'r12', 'r13', 'r14', 'r15'])
    expect(refused[0]?.error).toMatchObject({ reason: 'timeout' })
    await advanceTo(10_000)
    expect(sent).toHaveLength(10)
  })

  it('pauses everyone after an upstream 429 for its Retry-After', async () => {
    const { budget, sent, ask, settle, advanceTo } = setup()
    void ask('r1', 'tab-a')
    await settle()
    budget.pause(3000)
    void ask('r2', 'tab-b')
    void ask('r3', 'tab-c')
    await settle()
    await advanceTo(2999)
    expect(sent.map((s) => s.label)).toEqual(['r1'])
    await advanceTo(3000)
    expect(sent.map((s) => [s.label, s.at])).toEqual([
      ['r1', 0],
      ['r2', 3000],
      ['r3', 3000],
    ])
  })

  it('lets a request that was given up on leave the queue unsent, and the next one move up', async () => {
    const { sent, refused, ask, settle, advanceTo } = setup({ perSecond: 1 })
    const gone = new AbortController()
    void ask('r1', 'tab')
    void ask('left', 'tab', false, gone.signal)
    void ask('r3', 'tab')
    await settle()
    gone.abort(new Error('the tab closed'))
    await settle()
    expect(refused.map((r) => r.label)).toEqual(['left'])
    await advanceTo(1000)
    expect(sent.map((s) => [s.label, s.at])).toEqual([
      ['r1', 0],
      ['r3', 1000],
    ])
  })

  it('on a stop, queues nobody new and refuses whoever is not sent within the drain', async () => {
    const { budget, sent, refused, ask, settle, advanceTo } = setup({ perSecond: 1 })
    for (let i = 1; i <= 4; i++) void ask(`r${i}`, 'tab')
    await settle()
    budget.drain(1500)
    void ask('late', 'tab')
    await settle()
    expect(refused.map((r) => r.label)).toEqual(['late'])
    await advanceTo(1000)
    await advanceTo(1500)
    expect(sent.map((s) => s.label)).toEqual(['r1', 'r2'])
    expect(refused.map((r) => r.label)).toEqual(['late', 'r3', 'r4'])
    expect(refused.every((r) => (r.error as BudgetRejected).reason === 'stopping')).toBe(true)
  })
})
