import type { PrintRequest, PrintResult } from '@/api/print'
import {
  IN_FLIGHT_STATUSES,
  SUCCESS_STATUS,
  type KkmTransaction,
  type OperationTypeId,
} from '@/api/transactions'
import type { PrintOperation } from '@/components/printBill'
import { parseId } from '@/domain/ids'

/**
 * The print flow's states, events and intents (printFlow.ts steps between them), and the pure
 * rules about receipts they use. Data only: the hook puts the words on it.
 */

const OPERATION_TYPE: Record<PrintOperation, OperationTypeId> = { sale: 0, return: 1 }

/** How long before the POST a receipt found in the log may have been printed and still be this one. */
export const FRESH_WINDOW_MS = 5 * 60_000
/** "Check again" does not know when the lost request went out: it looks further back. */
export const CHECK_AGAIN_BACK_MS = 10 * 60_000

export interface PrintTarget {
  documentText: string
  editable: boolean
  operation: PrintOperation
  usePosTerminal: boolean
  /** The row it was opened from, if any: it names the document and the sum. */
  source: KkmTransaction | null
}

/** What the receipt is called in the announcements: the log's row when it knows one. */
export interface Subject {
  documentId: number
  known: KkmTransaction | null
}

/** Why the result of a print is unknown; a chain, as each failed look at the log adds to it. */
export type UnknownCause =
  | { kind: 'error'; error: unknown }
  | { kind: 'no-transaction' }
  | { kind: 'log-unreadable'; after: UnknownCause }

export type FailureReason =
  | { kind: 'locked'; where: 'this-tab' | 'other-tab' }
  | { kind: 'refused'; error: unknown }
  | { kind: 'register'; transaction: KkmTransaction }

/** What the dialog shows about its target's print. */
export type Phase =
  | { kind: 'ready' }
  | { kind: 'sending' }
  | { kind: 'following'; transaction: KkmTransaction }
  | { kind: 'succeeded'; transaction: KkmTransaction }
  | { kind: 'failed'; reason: FailureReason }
  | { kind: 'unknown'; checking: boolean; cause: UnknownCause }
  | { kind: 'gave-up'; transaction: KkmTransaction; seconds: number }

/** One confirmed intent (or one "check again"): what is needed to judge what the log shows after it. */
export interface Attempt {
  id: number
  /** The target it was made for: its results show only while the dialog shows that target. */
  key: string
  documentId: number
  operationType: OperationTypeId
  /** The document's receipts the log held before: none of them is this print's. */
  before: readonly number[]
  /** The earliest print time a receipt of this attempt can have (ms since the epoch). */
  since: number
  subject: Subject
}

export interface Followed {
  /** As the print created it: what the follow-up looks for. */
  transaction: KkmTransaction
  /** As last seen in the log. */
  latest: KkmTransaction
  key: string
  subject: Subject
}

export interface PrintFlowState {
  opened: boolean
  target: PrintTarget | null
  acknowledged: boolean
  phase: Phase
  /** The synchronous guard: set from the click until the attempt's outcome is known. */
  sending: Attempt | null
  followed: Followed | null
  /** Attempts made so far: each gets the next number. */
  attempts: number
}

export type PrintFlowEvent =
  | { type: 'open'; target: Omit<PrintTarget, 'usePosTerminal'> }
  | { type: 'close' }
  | {
      type: 'edit'
      patch: Partial<Pick<PrintTarget, 'documentText' | 'operation' | 'usePosTerminal'>>
    }
  | { type: 'acknowledge'; value: boolean }
  /** Print, or print again; `receipts` are the document's receipts the log showed, `now` the time. */
  | { type: 'send'; receipts: readonly KkmTransaction[] | undefined; now: number }
  | { type: 'posted'; attempt: Attempt; result: PrintResult }
  | { type: 'post-failed'; attempt: Attempt; error: unknown }
  | { type: 'check-again'; receipts: readonly KkmTransaction[] | undefined; now: number }
  | { type: 'log-checked'; attempt: Attempt; cause: UnknownCause; fresh: KkmTransaction | null }
  | { type: 'log-unreadable'; attempt: Attempt; cause: UnknownCause }
  /** The follow-up found the followed transaction in the log, in this state. */
  | { type: 'polled'; transaction: KkmTransaction }
  | { type: 'give-up'; transactionId: number; seconds: number }

export type Intent =
  /** The one POST of an attempt: sent at most once, never retried. */
  | { type: 'post'; attempt: Attempt; body: PrintRequest }
  | { type: 'check-log'; attempt: Attempt; cause: UnknownCause }
  /** Into the log's cached pages. */
  | { type: 'cache'; transaction: KkmTransaction }
  | {
      type: 'announce'
      outcome: 'printed' | 'failed'
      transaction: KkmTransaction
      subject: Subject
    }
  | {
      type: 'announce'
      outcome: 'gave-up'
      transaction: KkmTransaction
      subject: Subject
      seconds: number
    }
  /** Said only when the dialog does not show it (hidden, or on another document). */
  | { type: 'announce'; outcome: 'refused'; subject: Subject; error: unknown }
  | { type: 'announce'; outcome: 'unknown'; subject: Subject; cause: UnknownCause }
  /** A new attempt: replaces what an earlier one of the document announced, if that is still up. */
  | { type: 'announce'; outcome: 'sending'; subject: Subject }
  | { type: 'refresh-log' }

export interface Step {
  state: PrintFlowState
  intents: Intent[]
}

export const initialPrintFlow: PrintFlowState = {
  opened: false,
  target: null,
  acknowledged: false,
  phase: { kind: 'ready' },
  sending: null,
  followed: null,
  attempts: 0,
}

export function documentIdOf(target: PrintTarget | null): number | null {
  return target ? parseId(target.documentText) : null
}

export function operationTypeOf(target: PrintTarget | null): OperationTypeId {
  return target ? OPERATION_TYPE[target.operation] : 0
}

/** A document and an operation: a print's results belong to the dialog while it shows this key. */
export function targetKey(target: PrintTarget): string {
  return `${documentIdOf(target) ?? '-'}:${operationTypeOf(target)}`
}

/** The row the dialog names the document and the sum by: the one it came from, or the log's newest. */
export function knownTransaction(
  target: PrintTarget | null,
  receipts: readonly KkmTransaction[] | undefined,
): KkmTransaction | null {
  return target?.source ?? receipts?.[0] ?? null
}

/**
 * Another receipt of the document and operation that makes a new one a second receipt: a
 * successful one first (it is certain), else one still in flight (it may yet print).
 */
export function earlierReceipt(receipts: readonly KkmTransaction[]): KkmTransaction | null {
  return (
    receipts.find((receipt) => receipt.status.id === SUCCESS_STATUS) ??
    receipts.find((receipt) => IN_FLIGHT_STATUSES.has(receipt.status.id)) ??
    null
  )
}

/** Something in the log that makes this print an explicit choice. */
export type ReceiptFinding =
  /** The same operation already printed for the document. */
  | { kind: 'printed'; receipt: KkmTransaction }
  /** The same operation is being printed: it may yet succeed. */
  | { kind: 'in-flight'; receipt: KkmTransaction }
  /** A return, and no successful sale to return: a fiscal error. `pending` is a sale still in flight. */
  | { kind: 'no-sale'; pending: KkmTransaction | null }

/**
 * What the log says before a print, most serious first. `sameOperation` are the document's
 * receipts of the operation to print; `sales` its sale receipts, read for a return only.
 */
export function receiptFindings(
  operation: PrintOperation,
  sameOperation: readonly KkmTransaction[],
  sales: readonly KkmTransaction[],
): ReceiptFinding[] {
  const findings: ReceiptFinding[] = []
  const earlier = earlierReceipt(sameOperation)
  if (earlier)
    findings.push({
      kind: earlier.status.id === SUCCESS_STATUS ? 'printed' : 'in-flight',
      receipt: earlier,
    })
  if (operation === 'return' && !sales.some((sale) => sale.status.id === SUCCESS_STATUS))
    findings.push({
      kind: 'no-sale',
      pending: sales.find((sale) => IN_FLIGHT_STATUSES.has(sale.status.id)) ?? null,
    })
  return findings
}

/**
 * After a lost answer, the receipt this attempt may have printed: one the log did not hold before,
 * printed no earlier than the attempt allows. A date that cannot be read does not rule one out.
 */
export function freshReceipt(
  receipts: readonly KkmTransaction[],
  attempt: Pick<Attempt, 'before' | 'since'>,
  printedAt: (transaction: KkmTransaction) => number | null,
): KkmTransaction | null {
  const before = new Set(attempt.before)
  return (
    receipts.find((receipt) => {
      if (before.has(receipt.id)) return false
      const at = printedAt(receipt)
      return at === null || at >= attempt.since
    }) ?? null
  )
}
