/**
 * The print flow's state machine, one transition per test: no DOM, no MSW, no timers. Expected
 * states are written out by hand; the page tests (transactions.page.test.tsx) drive the same
 * machine through the dialog against the mock API.
 */
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import { queryKeys } from '@/api/keys'
import { upsertCachedTransaction, type PrintResult } from '@/api/print'
import { PrintLockedError } from '@/api/printLock'
import type {
  KkmTransaction,
  LogFilters,
  TransactionFilters,
  TransactionPage,
} from '@/api/transactions'
import { en } from '@/i18n/messages/en'
import {
  earlierReceipt,
  freshReceipt,
  receiptFindings,
  initialPrintFlow,
  step,
  type Attempt,
  type PrintFlowEvent,
  type PrintFlowState,
  type PrintTarget,
} from '@/pages/transactions/printFlow'
import { checkWords, fieldErrorWords } from '@/pages/transactions/printFlowWords'

const DOC = 10234
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0)
const MINUTE = 60_000

function transaction(id: number, overrides: Partial<KkmTransaction> = {}): KkmTransaction {
  return {
    id,
    print_date: '2026-11-28T15:00:00+03:00',
    printed_count: 0,
    sum: 1234.5,
    type: { id: 0, title: 'Sale' },
    status: { id: 2, title: 'Sent for printing' },
    document: { id: DOC, type: 1, type_title: 'Visit' },
    cashier: { id: 1, name: 'Anna' },
    ...overrides,
  }
}

const status = (id: 0 | 1 | 2 | 3 | 4 | 5) => ({ id, title: `status ${id}` })
const earlierFailed = transaction(41, { status: status(0) })
const created = transaction(50, { status: status(2) })
const result = (...transactions: KkmTransaction[]): PrintResult => ({
  kkm_transactions: transactions,
  bill_json: [],
})

const rowTarget: Omit<PrintTarget, 'usePosTerminal'> = {
  documentText: String(DOC),
  editable: false,
  operation: 'sale',
  source: earlierFailed,
}

/** Runs events from the initial state; the last step's state and intents. */
function run(...events: PrintFlowEvent[]) {
  let current = { state: initialPrintFlow, intents: [] as ReturnType<typeof step>['intents'] }
  for (const event of events) current = step(current.state, event)
  return current
}

const open: PrintFlowEvent = { type: 'open', target: rowTarget }
const send: PrintFlowEvent = { type: 'send', receipts: [earlierFailed], now: NOW }

/** The dialog open on the row, one POST sent: the attempt it made. */
function sent() {
  const { state, intents } = run(open, send)
  const post = intents.find((intent) => intent.type === 'post')
  if (!post) throw new Error('no POST was asked for')
  return { state, attempt: post.attempt }
}

function timeout() {
  return new ApiError({
    kind: 'timeout',
    message: 'no answer',
    own: { reason: 'timeout', seconds: 30 },
  })
}

/** A lost answer, and a log that shows no new receipt. */
function inUnknown(): { state: PrintFlowState; attempt: Attempt; error: ApiError } {
  const { state, attempt } = sent()
  const error = timeout()
  const failed = step(state, { type: 'post-failed', attempt, error })
  const cause = { kind: 'error', error } as const
  return {
    state: step(failed.state, { type: 'log-checked', attempt, cause, fresh: null }).state,
    attempt,
    error,
  }
}

function following() {
  const { state, attempt } = sent()
  return step(state, { type: 'posted', attempt, result: result(created) }).state
}

describe('opening and closing', () => {
  it('open shows the form for the target, terminal off, nothing acknowledged', () => {
    const { state, intents } = run(open)
    expect(state.opened).toBe(true)
    expect(state.target).toEqual({ ...rowTarget, usePosTerminal: false })
    expect(state.phase).toEqual({ kind: 'ready' })
    expect(state.acknowledged).toBe(false)
    expect(intents).toEqual([])
  })

  it('open on a receipt still being followed shows it being followed', () => {
    const state = step(step(following(), { type: 'close' }).state, open).state
    expect(state.phase).toEqual({ kind: 'following', transaction: created })
  })

  it('open on another document starts at the form, while the follow-up goes on', () => {
    const other = { ...rowTarget, documentText: '777', source: null }
    const state = step(following(), { type: 'open', target: other }).state
    expect(state.phase).toEqual({ kind: 'ready' })
    expect(state.followed?.transaction).toBe(created)
  })

  it('close hides the dialog and keeps everything else', () => {
    const before = following()
    const { state, intents } = step(before, { type: 'close' })
    expect(state).toEqual({ ...before, opened: false })
    expect(intents).toEqual([])
  })
})

describe('the form', () => {
  it('edits the document, the operation and the terminal choice', () => {
    const state = run(
      open,
      { type: 'edit', patch: { documentText: '55' } },
      { type: 'edit', patch: { operation: 'return' } },
      { type: 'edit', patch: { usePosTerminal: true } },
    ).state
    expect(state.target).toMatchObject({
      documentText: '55',
      operation: 'return',
      usePosTerminal: true,
    })
  })

  it('does not change the document while its POST is being sent', () => {
    const { state } = sent()
    const after = step(state, { type: 'edit', patch: { documentText: '55' } }).state
    expect(after.target?.documentText).toBe(String(DOC))
  })

  it('records the acknowledgement of an earlier receipt', () => {
    expect(run(open, { type: 'acknowledge', value: true }).state.acknowledged).toBe(true)
  })
})

describe('sending: one confirmed intent, one POST', () => {
  it('send asks for one POST of the document, the operation and the terminal choice', () => {
    const { state, intents } = run(
      open,
      { type: 'edit', patch: { operation: 'return', usePosTerminal: true } },
      send,
    )
    expect(state.phase).toEqual({ kind: 'sending' })
    expect(intents).toHaveLength(2)
    // An earlier attempt's toast for the document, if still up, gives way to this one.
    expect(intents[0]).toEqual({
      type: 'announce',
      outcome: 'sending',
      subject: { documentId: DOC, known: earlierFailed },
    })
    expect(intents[1]).toMatchObject({
      type: 'post',
      body: { document_id: DOC, type: 1, is_pos_enabled: true },
      attempt: { documentId: DOC, operationType: 1, before: [41], since: NOW - 5 * MINUTE },
    })
    expect(state.sending).not.toBeNull()
  })

  it('a second send while sending (double click, held Enter) changes nothing and asks for nothing', () => {
    const { state } = sent()
    const again = step(state, send)
    expect(again.state).toBe(state)
    expect(again.intents).toEqual([])
  })

  it('a send from a dialog opened again while the first POST runs asks for nothing', () => {
    const { state } = sent()
    const reopened = step(step(state, { type: 'close' }).state, open).state
    expect(reopened.phase).toEqual({ kind: 'ready' })
    const again = step(reopened, send)
    expect(again.state).toBe(reopened)
    expect(again.intents).toEqual([])
  })

  it('a send without a valid document id asks for nothing', () => {
    const typed = run(
      { type: 'open', target: { ...rowTarget, editable: true, documentText: '12a', source: null } },
      send,
    )
    expect(typed.state.phase).toEqual({ kind: 'ready' })
    expect(typed.intents).toEqual([])
  })

  it('a send while following or after success asks for nothing', () => {
    const state = following()
    expect(step(state, send).intents).toEqual([])
    const done = step(state, {
      type: 'polled',
      transaction: { ...created, status: status(1) },
    }).state
    expect(step(done, send).intents).toEqual([])
  })

  it('send before the dialog was ever opened asks for nothing', () => {
    expect(run(send).intents).toEqual([])
  })
})

describe('the answer to the POST', () => {
  it('a created transaction is followed and put into the log’s cache; the guard is let go', () => {
    const { state, attempt } = sent()
    const other = transaction(49, { document: { id: 1, type: 1, type_title: 'Visit' } })
    const next = step(state, { type: 'posted', attempt, result: result(other, created) })
    expect(next.state.phase).toEqual({ kind: 'following', transaction: created })
    expect(next.state.followed).toMatchObject({ transaction: created, latest: created })
    expect(next.state.sending).toBeNull()
    expect(next.intents).toEqual([{ type: 'cache', transaction: created }])
  })

  it('an answer that names no transaction is unknown: the log is looked at, the guard held', () => {
    const { state, attempt } = sent()
    const next = step(state, { type: 'posted', attempt, result: result() })
    expect(next.state.phase).toEqual({
      kind: 'unknown',
      checking: true,
      cause: { kind: 'no-transaction' },
    })
    expect(next.intents).toEqual([
      { type: 'check-log', attempt, cause: { kind: 'no-transaction' } },
    ])
    expect(step(next.state, send).intents).toEqual([])
  })

  it.each([
    ['a timeout', timeout()],
    ['a dropped connection', new ApiError({ kind: 'network', message: 'offline' })],
    ['a 5xx', new ApiError({ kind: 'http', status: 503, message: 'unavailable' })],
    ['an unreadable 200', new ApiError({ kind: 'malformed', status: 200, message: 'not JSON' })],
    ['an error that is not the API’s', new TypeError('boom')],
  ])('%s is unknown, never a retry: the log is looked at', (_, error) => {
    const { state, attempt } = sent()
    const next = step(state, { type: 'post-failed', attempt, error })
    expect(next.state.phase).toEqual({
      kind: 'unknown',
      checking: true,
      cause: { kind: 'error', error },
    })
    expect(next.intents).toEqual([{ type: 'check-log', attempt, cause: { kind: 'error', error } }])
  })

  it.each([
    ['a 422', new ApiError({ kind: 'http', status: 422, message: 'no such document' })],
    ['success:false under 200', new ApiError({ kind: 'http', status: 200, message: 'refused' })],
  ])('%s is a refusal: failed, nothing to look for, the guard let go', (_, error) => {
    const { state, attempt } = sent()
    const next = step(state, { type: 'post-failed', attempt, error })
    expect(next.state.phase).toEqual({ kind: 'failed', reason: { kind: 'refused', error } })
    expect(next.state.sending).toBeNull()
    expect(next.intents).toEqual([])
  })

  it('the print lock refuses: failed, saying where the other print runs, nothing sent', () => {
    const { state, attempt } = sent()
    const error = new PrintLockedError('other-tab')
    const next = step(state, { type: 'post-failed', attempt, error })
    expect(next.state.phase).toEqual({
      kind: 'failed',
      reason: { kind: 'locked', where: 'other-tab' },
    })
    expect(next.intents).toEqual([])
  })

  it('after a failure the form may print again, as a new intent', () => {
    const { state, attempt } = sent()
    const error = new ApiError({ kind: 'http', status: 422, message: 'no' })
    const failed = step(state, { type: 'post-failed', attempt, error }).state
    const again = step(failed, send)
    expect(again.state.phase).toEqual({ kind: 'sending' })
    // The new attempt is said at once: its toast takes the place of the failure's, if still up.
    expect(again.intents).toMatchObject([
      { type: 'announce', outcome: 'sending', subject: { documentId: DOC } },
      { type: 'post', attempt: { id: attempt.id + 1 } },
    ])
  })

  it('a refusal while the dialog is hidden is announced: nothing printed, and the cashier is told', () => {
    const { state, attempt } = sent()
    const hidden = step(state, { type: 'close' }).state
    const error = new ApiError({ kind: 'http', status: 422, message: 'no' })
    const next = step(hidden, { type: 'post-failed', attempt, error })
    expect(next.intents).toEqual([
      { type: 'announce', outcome: 'refused', subject: attempt.subject, error },
    ])
    // Shown in the dialog, the refusal needs no toast.
    expect(step(state, { type: 'post-failed', attempt, error }).intents).toEqual([])
  })

  it('a failure belongs to its document: another document in the form starts afresh', () => {
    const { state, attempt } = sent()
    const error = new ApiError({ kind: 'http', status: 422, message: 'no' })
    const failed = step(state, { type: 'post-failed', attempt, error }).state
    const sameDocument = step(failed, { type: 'edit', patch: { usePosTerminal: true } }).state
    expect(sameDocument.phase.kind).toBe('failed')
    const other = step(failed, { type: 'edit', patch: { documentText: '55' } }).state
    expect(other.phase).toEqual({ kind: 'ready' })
    const returning = step(failed, { type: 'edit', patch: { operation: 'return' } }).state
    expect(returning.phase).toEqual({ kind: 'ready' })
  })

  it('an answer for a document the dialog no longer shows starts the follow-up but not its phase', () => {
    const { state, attempt } = sent()
    const elsewhere = step(state, {
      type: 'open',
      target: { ...rowTarget, documentText: '777', source: null },
    }).state
    const next = step(elsewhere, { type: 'posted', attempt, result: result(created) })
    expect(next.state.phase).toEqual({ kind: 'ready' })
    expect(next.state.followed?.transaction).toBe(created)
  })
})

describe('result unknown: the log decides', () => {
  it('a new receipt in the log is followed, not printed again', () => {
    const { state, attempt } = sent()
    const cause = { kind: 'error', error: timeout() } as const
    const checking = step(state, { type: 'post-failed', attempt, error: cause.error }).state
    const next = step(checking, { type: 'log-checked', attempt, cause, fresh: created })
    expect(next.state.phase).toEqual({ kind: 'following', transaction: created })
    expect(next.state.sending).toBeNull()
    expect(next.intents).toEqual([{ type: 'cache', transaction: created }])
  })

  it('no new receipt: unknown, no longer checking, and "print again" becomes possible', () => {
    const { state, error } = inUnknown()
    expect(state.phase).toEqual({
      kind: 'unknown',
      checking: false,
      cause: { kind: 'error', error },
    })
    expect(state.sending).toBeNull()
    const again = step(state, send)
    expect(again.intents).toMatchObject([
      { type: 'announce', outcome: 'sending' },
      { type: 'post' },
    ])
  })

  it('no new receipt while the dialog is hidden: announced as unknown, so it is never silent', () => {
    const { state, attempt } = sent()
    const error = timeout()
    const hidden = step(step(state, { type: 'close' }).state, {
      type: 'post-failed',
      attempt,
      error,
    }).state
    const cause = { kind: 'error', error } as const
    const next = step(hidden, { type: 'log-checked', attempt, cause, fresh: null })
    expect(next.intents).toEqual([
      { type: 'announce', outcome: 'unknown', subject: attempt.subject, cause },
    ])
    const unreadable = step(hidden, { type: 'log-unreadable', attempt, cause })
    expect(unreadable.intents).toEqual([
      {
        type: 'announce',
        outcome: 'unknown',
        subject: attempt.subject,
        cause: { kind: 'log-unreadable', after: cause },
      },
    ])
  })

  it('while the log is being looked at, "print again" asks for nothing', () => {
    const { state, attempt } = sent()
    const checking = step(state, { type: 'post-failed', attempt, error: timeout() }).state
    expect(step(checking, send).intents).toEqual([])
  })

  it('an unreadable log says so, on top of why the result is unknown', () => {
    const { state, attempt } = sent()
    const cause = { kind: 'no-transaction' } as const
    const checking = step(state, { type: 'posted', attempt, result: result() }).state
    const next = step(checking, { type: 'log-unreadable', attempt, cause })
    expect(next.state.phase).toEqual({
      kind: 'unknown',
      checking: false,
      cause: { kind: 'log-unreadable', after: cause },
    })
    expect(next.state.sending).toBeNull()
  })

  it('check again looks in the log once more, further back, with the same cause', () => {
    const { state, error } = inUnknown()
    const later = NOW + 2 * MINUTE
    const next = step(state, { type: 'check-again', receipts: [earlierFailed], now: later })
    expect(next.state.phase).toEqual({
      kind: 'unknown',
      checking: true,
      cause: { kind: 'error', error },
    })
    expect(next.intents).toMatchObject([
      { type: 'check-log', attempt: { before: [41], since: later - 15 * MINUTE } },
    ])
    // Not a print: the guard stays free.
    expect(next.state.sending).toBeNull()
  })

  it('check again outside "unknown", or while checking, asks for nothing', () => {
    const checkAgain: PrintFlowEvent = { type: 'check-again', receipts: [], now: NOW }
    expect(run(open, checkAgain).intents).toEqual([])
    const { state } = inUnknown()
    const checking = step(state, checkAgain).state
    expect(step(checking, checkAgain).intents).toEqual([])
  })
})

describe('following the new receipt to a final status', () => {
  it('an in-flight status is shown and cached', () => {
    const state = following()
    const settling = { ...created, status: status(5) }
    const next = step(state, { type: 'polled', transaction: settling })
    expect(next.state.phase).toEqual({ kind: 'following', transaction: settling })
    expect(next.state.followed?.latest).toBe(settling)
    expect(next.intents).toEqual([{ type: 'cache', transaction: settling }])
  })

  it('success ends the follow-up: shown, cached, announced, the log refreshed', () => {
    const state = following()
    const done = { ...created, status: status(1) }
    const next = step(state, { type: 'polled', transaction: done })
    expect(next.state.phase).toEqual({ kind: 'succeeded', transaction: done })
    expect(next.state.followed).toBeNull()
    expect(next.intents).toEqual([
      { type: 'cache', transaction: done },
      {
        type: 'announce',
        outcome: 'printed',
        transaction: done,
        subject: { documentId: DOC, known: earlierFailed },
      },
      { type: 'refresh-log' },
    ])
  })

  it.each([0, 3, 4] as const)('status %i is a failure of the register', (id) => {
    const failedThere = { ...created, status: status(id) }
    const next = step(following(), { type: 'polled', transaction: failedThere })
    expect(next.state.phase).toEqual({
      kind: 'failed',
      reason: { kind: 'register', transaction: failedThere },
    })
    expect(next.intents.map((intent) => intent.type)).toEqual(['cache', 'announce', 'refresh-log'])
    expect(next.intents[1]).toMatchObject({ outcome: 'failed' })
  })

  it('a final status while the dialog shows another document is announced, not shown', () => {
    const elsewhere = step(following(), {
      type: 'open',
      target: { ...rowTarget, documentText: '777', source: null },
    }).state
    const next = step(elsewhere, { type: 'polled', transaction: { ...created, status: status(1) } })
    expect(next.state.phase).toEqual({ kind: 'ready' })
    expect(next.intents[1]).toMatchObject({ type: 'announce', outcome: 'printed' })
  })

  it('a poll of a transaction that is not followed (any more) changes nothing', () => {
    const state = following()
    const stranger = step(state, { type: 'polled', transaction: transaction(99) })
    expect(stranger.state).toBe(state)
    expect(stranger.intents).toEqual([])
    const done = step(state, { type: 'polled', transaction: { ...created, status: status(1) } })
    const late = step(done.state, {
      type: 'polled',
      transaction: { ...created, status: status(2) },
    })
    expect(late.state).toBe(done.state)
    expect(late.intents).toEqual([])
  })

  it('its time bound gives up with a clear message and stops following', () => {
    const state = following()
    const next = step(state, { type: 'give-up', transactionId: created.id, seconds: 60 })
    expect(next.state.phase).toEqual({ kind: 'gave-up', transaction: created, seconds: 60 })
    expect(next.state.followed).toBeNull()
    expect(next.intents).toEqual([
      {
        type: 'announce',
        outcome: 'gave-up',
        transaction: created,
        subject: { documentId: DOC, known: earlierFailed },
        seconds: 60,
      },
    ])
  })

  it('the time bound after a final status changes nothing', () => {
    const done = step(following(), {
      type: 'polled',
      transaction: { ...created, status: status(1) },
    }).state
    const next = step(done, { type: 'give-up', transactionId: created.id, seconds: 60 })
    expect(next.state).toBe(done)
    expect(next.intents).toEqual([])
  })
})

describe('what the log says before printing', () => {
  it('an earlier success or an in-flight receipt makes a second one an explicit choice', () => {
    expect(earlierReceipt([earlierFailed])).toBeNull()
    const success = transaction(42, { status: status(1) })
    const inFlight = transaction(43, { status: status(5) })
    expect(earlierReceipt([earlierFailed, success])).toBe(success)
    expect(earlierReceipt([earlierFailed, inFlight])).toBe(inFlight)
  })

  it('a success outweighs an in-flight receipt, whichever the log lists first', () => {
    const success = transaction(42, { status: status(1) })
    const inFlight = transaction(43, { status: status(2) })
    expect(earlierReceipt([inFlight, success])).toBe(success)
  })

  it('a sale: its own earlier receipts only, printed or being printed', () => {
    const success = transaction(42, { status: status(1) })
    const inFlight = transaction(43, { status: status(5) })
    expect(receiptFindings('sale', [earlierFailed], [])).toEqual([])
    expect(receiptFindings('sale', [success], [])).toEqual([{ kind: 'printed', receipt: success }])
    // Only in flight, it is being printed, not already printed.
    expect(receiptFindings('sale', [inFlight], [])).toEqual([
      { kind: 'in-flight', receipt: inFlight },
    ])
  })

  it('a return with no successful sale in the log is a fiscal error to warn of', () => {
    const returnType = { id: 1, title: 'Sale return' } as const
    const failedSale = transaction(44, { status: status(3) })
    const saleInFlight = transaction(45, { status: status(2) })
    const soldOk = transaction(46, { status: status(1) })
    expect(receiptFindings('return', [], [])).toEqual([{ kind: 'no-sale', pending: null }])
    expect(receiptFindings('return', [], [failedSale])).toEqual([
      { kind: 'no-sale', pending: null },
    ])
    expect(receiptFindings('return', [], [failedSale, saleInFlight])).toEqual([
      { kind: 'no-sale', pending: saleInFlight },
    ])
    expect(receiptFindings('return', [], [failedSale, soldOk])).toEqual([])
    // A return already printed for the document is reported, and before a missing sale.
    const returned = transaction(47, { type: returnType, status: status(1) })
    expect(receiptFindings('return', [returned], [soldOk])).toEqual([
      { kind: 'printed', receipt: returned },
    ])
    expect(receiptFindings('return', [returned], [])).toEqual([
      { kind: 'printed', receipt: returned },
      { kind: 'no-sale', pending: null },
    ])
  })

  it('a fresh receipt is one the log did not hold, printed in the attempt’s window', () => {
    const attempt = { before: [41], since: NOW - 5 * MINUTE }
    const at = new Map([
      [41, NOW],
      [60, NOW - 6 * MINUTE],
      [61, NOW - 4 * MINUTE],
    ])
    const printedAt = (t: KkmTransaction) => at.get(t.id) ?? null
    expect(freshReceipt([earlierFailed, transaction(60)], attempt, printedAt)).toBeNull()
    const recent = transaction(61)
    expect(freshReceipt([earlierFailed, transaction(60), recent], attempt, printedAt)).toBe(recent)
    // A date that cannot be read does not rule it out.
    const undated = transaction(62)
    expect(freshReceipt([undated], attempt, printedAt)).toBe(undated)
  })
})

describe('the log’s cache after a print', () => {
  const LOCATION = 1
  const DAY = '2026-11-28'
  const filters = (overrides: Partial<TransactionFilters> = {}): TransactionFilters => ({
    startDate: DAY,
    endDate: DAY,
    type: null,
    status: null,
    page: 1,
    pageSize: 25,
    ...overrides,
  })
  /** The whole log's key holds its filters without a page. */
  const wholeLogFilters = (): LogFilters => ({
    startDate: DAY,
    endDate: DAY,
    type: null,
    status: null,
  })
  const page = (...transactions: KkmTransaction[]): TransactionPage => ({
    transactions,
    total: transactions.length,
    exact: true,
  })

  function seeded(lists: Record<string, LogFilters | TransactionFilters>) {
    const client = new QueryClient()
    for (const list of Object.values(lists))
      client.setQueryData(queryKeys.transactionList(LOCATION, list), page(earlierFailed))
    const ids = (name: string) =>
      client
        .getQueryData<TransactionPage>(
          queryKeys.transactionList(LOCATION, lists[name] as LogFilters),
        )
        ?.transactions.map((t) => t.id)
    return { client, ids }
  }

  it('adds a new receipt on top of the pages whose filters hold it, and of no other', () => {
    const lists = {
      today: filters(),
      week: filters({ startDate: '2026-11-22', endDate: '2026-11-28' }),
      wholeLog: wholeLogFilters(),
      sales: filters({ type: 0 }),
      inFlight: filters({ status: 2 }),
      secondPage: filters({ page: 2 }),
      yesterday: filters({ startDate: '2026-11-27', endDate: '2026-11-27' }),
      tomorrow: filters({ startDate: '2026-11-29', endDate: '2026-11-29' }),
      returns: filters({ type: 1 }),
      succeeded: filters({ status: 1 }),
    }
    const { client, ids } = seeded(lists)
    upsertCachedTransaction(client, LOCATION, created, DAY)
    for (const name of ['today', 'week', 'wholeLog', 'sales', 'inFlight'])
      expect(ids(name), name).toEqual([50, 41])
    for (const name of ['secondPage', 'yesterday', 'tomorrow', 'returns', 'succeeded'])
      expect(ids(name), name).toEqual([41])
    const today = client.getQueryData<TransactionPage>(
      queryKeys.transactionList(LOCATION, lists.today),
    )
    expect(today?.total).toBe(2)
  })

  it('replaces a transaction it already holds wherever it is, whatever the filters', () => {
    const lists = { secondPage: filters({ page: 2 }), returns: filters({ type: 1 }) }
    const { client, ids } = seeded(lists)
    const settled = { ...earlierFailed, status: status(1) }
    upsertCachedTransaction(client, LOCATION, settled, '2026-11-01')
    for (const name of Object.keys(lists)) {
      expect(ids(name), name).toEqual([41])
      const cached = client.getQueryData<TransactionPage>(
        queryKeys.transactionList(LOCATION, lists[name as keyof typeof lists]),
      )
      expect(cached?.transactions[0]?.status.id).toBe(1)
      expect(cached?.total).toBe(1)
    }
  })

  it('leaves other locations and the other queries of the location alone', () => {
    const client = new QueryClient()
    const elsewhere = queryKeys.transactionList(2, filters())
    const receipts = queryKeys.documentReceipts(LOCATION, DOC, 0, DAY, DAY)
    const shift = queryKeys.shift(LOCATION, DAY)
    client.setQueryData(elsewhere, page())
    client.setQueryData(receipts, [earlierFailed])
    client.setQueryData(shift, { opening: null, closing: null })
    upsertCachedTransaction(client, LOCATION, created, DAY)
    expect(client.getQueryData<TransactionPage>(elsewhere)?.transactions).toEqual([])
    expect(client.getQueryData(receipts)).toEqual([earlierFailed])
    expect(client.getQueryData(shift)).toEqual({ opening: null, closing: null })
  })
})

describe('what the dialog says of it', () => {
  const format = {
    timeZone: 'Europe/Moscow',
    currency: 'RUB',
    t: en,
    locale: 'en',
    lookBackDays: 30,
  }
  const read = (data: KkmTransaction[]) => ({ isPending: false, isError: false, error: null, data })
  const pending = { isPending: true, isError: false, error: null }

  it('a receipt only in flight is "being printed", a successful one "printed"', () => {
    const inFlight = transaction(43, { status: status(2) })
    expect(checkWords(read([inFlight]), null, 'sale', format)).toMatchObject({
      state: 'duplicate',
      reason: 'in-flight',
    })
    const done = transaction(42, { status: status(1) })
    expect(checkWords(read([done]), null, 'sale', format)).toMatchObject({
      state: 'duplicate',
      reason: 'printed',
    })
  })

  it('a return waits for its sales to be read, and warns when none succeeded', () => {
    expect(checkWords(read([]), pending, 'return', format)).toEqual({ state: 'checking' })
    expect(checkWords(read([]), read([earlierFailed]), 'return', format)).toEqual({
      state: 'duplicate',
      reason: 'no-sale',
      message:
        'The log of the last 30 days holds no successful sale receipt for this document: a return without a sale is a fiscal error.',
    })
  })

  it('a server’s field errors read as sentences, without the wire’s field names', () => {
    const error = new ApiError({
      kind: 'http',
      status: 422,
      message: 'An error has occurred.',
      fieldErrors: [
        { field: 'document_id', message: 'document_id must be a positive integer' },
        { field: 'cashier_uid', message: 'cashier_uid is missing.' },
        { field: null, message: 'try later' },
      ],
    })
    expect(fieldErrorWords(error, en)).toEqual({
      sentences: [
        'Document id must be a positive integer.',
        'Cashier uid is missing.',
        'Try later.',
      ],
      document: 'Document id must be a positive integer.',
    })
    expect(fieldErrorWords(new Error('x'), en)).toEqual({ sentences: [], document: null })
  })
})
