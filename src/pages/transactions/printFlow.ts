import { isApiError } from '@/api/errors'
import type { PrintRequest } from '@/api/print'
import { PrintLockedError } from '@/api/printLock'
import { isTerminalStatus, SUCCESS_STATUS, type KkmTransaction } from '@/api/transactions'
import { mayHaveTakenEffect } from '@/domain/outcome'
import {
  CHECK_AGAIN_BACK_MS,
  documentIdOf,
  FRESH_WINDOW_MS,
  knownTransaction,
  operationTypeOf,
  targetKey,
  type Attempt,
  type FailureReason,
  type Phase,
  type PrintFlowEvent,
  type PrintFlowState,
  type Step,
  type UnknownCause,
} from './printFlowModel'

/**
 * Printing a receipt as a state machine (design.md, "Printing a receipt is a fiscal act"). Pure:
 * no React, no words, no toasts, no DOM. `step` takes a state and an event and gives the next
 * state and the intents the hook carries out (the POST, the log check, the cache, the toasts).
 * Every rule of "exactly once" lives here, where it is tested without a browser:
 *
 *   ready ─send→ sending ─posted→ following ─polled(final)→ succeeded | failed (register)
 *                        ─refused / locked→ failed ─send→ sending (a new intent: nothing printed)
 *                        ─lost answer→ unknown(checking) ─log-checked→ following | unknown
 *   unknown ─check-again→ unknown(checking);  unknown ─send ("print again")→ sending
 *   following ─give-up→ gave-up
 */

const unchanged = (state: PrintFlowState): Step => ({ state, intents: [] })

const isCurrent = (state: PrintFlowState, key: string) =>
  state.target !== null && targetKey(state.target) === key

/** Whether the cashier sees `key`'s print in the dialog now: else its outcome needs a toast. */
const isShown = (state: PrintFlowState, key: string) => state.opened && isCurrent(state, key)

/** The phase shown for `key`'s print: changed only while the dialog shows that target. */
function showFor(state: PrintFlowState, key: string, phase: Phase): Phase {
  return isCurrent(state, key) ? phase : state.phase
}

/** The guard is let go by the attempt that holds it only. */
function release(state: PrintFlowState, attempt: Attempt): Attempt | null {
  return state.sending?.id === attempt.id ? null : state.sending
}

function follow(state: PrintFlowState, attempt: Attempt, transaction: KkmTransaction): Step {
  const followed = { transaction, latest: transaction, key: attempt.key, subject: attempt.subject }
  return {
    state: {
      ...state,
      sending: release(state, attempt),
      followed,
      phase: showFor(state, attempt.key, { kind: 'following', transaction }),
    },
    intents: [{ type: 'cache', transaction }],
  }
}

/** The answer was lost: look in the log before anything else. The guard stays until it has been read. */
function lookInLog(state: PrintFlowState, attempt: Attempt, cause: UnknownCause): Step {
  return {
    state: {
      ...state,
      phase: showFor(state, attempt.key, { kind: 'unknown', checking: true, cause }),
    },
    intents: [{ type: 'check-log', attempt, cause }],
  }
}

function fail(state: PrintFlowState, attempt: Attempt, reason: FailureReason): Step {
  const unseen = reason.kind === 'refused' && !isShown(state, attempt.key)
  return {
    state: {
      ...state,
      sending: release(state, attempt),
      phase: showFor(state, attempt.key, { kind: 'failed', reason }),
    },
    intents: unseen
      ? [{ type: 'announce', outcome: 'refused', subject: attempt.subject, error: reason.error }]
      : [],
  }
}

/** The log shows no receipt of a lost answer: the dialog says so, or a toast when it is hidden. */
function stillUnknown(state: PrintFlowState, attempt: Attempt, cause: UnknownCause): Step {
  return {
    state: {
      ...state,
      sending: release(state, attempt),
      phase: showFor(state, attempt.key, { kind: 'unknown', checking: false, cause }),
    },
    intents: isShown(state, attempt.key)
      ? []
      : [{ type: 'announce', outcome: 'unknown', subject: attempt.subject, cause }],
  }
}

/** A new attempt for the dialog's target, or null when it names no document. */
function attemptFor(
  state: PrintFlowState,
  receipts: readonly KkmTransaction[] | undefined,
  since: number,
): Attempt | null {
  const documentId = documentIdOf(state.target)
  if (!state.target || documentId === null) return null
  return {
    id: state.attempts + 1,
    key: targetKey(state.target),
    documentId,
    operationType: operationTypeOf(state.target),
    before: (receipts ?? []).map((receipt) => receipt.id),
    since,
    subject: { documentId, known: knownTransaction(state.target, receipts) },
  }
}

/** Where a print may start: the form, after a failure (nothing was printed), after "none new". */
function maySend(phase: Phase): boolean {
  return (
    phase.kind === 'ready' ||
    phase.kind === 'failed' ||
    (phase.kind === 'unknown' && !phase.checking)
  )
}

function polled(state: PrintFlowState, transaction: KkmTransaction): Step {
  const followed = state.followed
  if (!followed || followed.transaction.id !== transaction.id) return unchanged(state)
  const { key, subject } = followed
  if (!isTerminalStatus(transaction.status.id)) {
    return {
      state: {
        ...state,
        followed: { ...followed, latest: transaction },
        phase: showFor(state, key, { kind: 'following', transaction }),
      },
      intents: [{ type: 'cache', transaction }],
    }
  }
  const succeeded = transaction.status.id === SUCCESS_STATUS
  return {
    state: {
      ...state,
      followed: null,
      phase: showFor(
        state,
        key,
        succeeded
          ? { kind: 'succeeded', transaction }
          : { kind: 'failed', reason: { kind: 'register', transaction } },
      ),
    },
    intents: [
      { type: 'cache', transaction },
      { type: 'announce', outcome: succeeded ? 'printed' : 'failed', transaction, subject },
      { type: 'refresh-log' },
    ],
  }
}

export function step(state: PrintFlowState, event: PrintFlowEvent): Step {
  switch (event.type) {
    case 'open': {
      const target = { ...event.target, usePosTerminal: false }
      const { followed } = state
      // Opened again on a receipt still being followed: the dialog shows where it is.
      const resumed =
        followed && followed.key === targetKey(target)
          ? ({ kind: 'following', transaction: followed.latest } as const)
          : null
      return unchanged({
        ...state,
        opened: true,
        target,
        acknowledged: false,
        phase: resumed ?? { kind: 'ready' },
      })
    }
    case 'close':
      return unchanged(state.opened ? { ...state, opened: false } : state)
    case 'edit': {
      if (!state.target) return unchanged(state)
      // The document is fixed from the click on: what is sent is what the dialog shows.
      const { documentText = state.target.documentText, ...rest } = event.patch
      const fixed = state.phase.kind === 'sending'
      const target = {
        ...state.target,
        ...rest,
        documentText: fixed ? state.target.documentText : documentText,
      }
      // A failure was about the document and operation it was for: another one starts afresh.
      const moved = state.phase.kind === 'failed' && targetKey(target) !== targetKey(state.target)
      return unchanged({ ...state, target, phase: moved ? { kind: 'ready' } : state.phase })
    }
    case 'acknowledge':
      return unchanged({ ...state, acknowledged: event.value })
    case 'send': {
      // A double click, a held Enter or a click while the request runs all land here: one POST.
      if (state.sending || !maySend(state.phase) || !state.target) return unchanged(state)
      const attempt = attemptFor(state, event.receipts, event.now - FRESH_WINDOW_MS)
      if (!attempt) return unchanged(state)
      const body: PrintRequest = {
        document_id: attempt.documentId,
        type: attempt.operationType,
        is_pos_enabled: state.target.usePosTerminal,
      }
      return {
        state: { ...state, attempts: attempt.id, sending: attempt, phase: { kind: 'sending' } },
        intents: [
          { type: 'announce', outcome: 'sending', subject: attempt.subject },
          { type: 'post', attempt, body },
        ],
      }
    }
    case 'posted': {
      const { attempt, result } = event
      const created =
        result.kkm_transactions.find((created) => created.document.id === attempt.documentId) ??
        result.kkm_transactions[0]
      return created
        ? follow(state, attempt, created)
        : lookInLog(state, attempt, { kind: 'no-transaction' })
    }
    case 'post-failed': {
      const { attempt, error } = event
      if (error instanceof PrintLockedError)
        return fail(state, attempt, { kind: 'locked', where: error.where })
      // Only an answer that says no means nothing was printed; anything else may hide a receipt.
      if (!isApiError(error) || mayHaveTakenEffect(error))
        return lookInLog(state, attempt, { kind: 'error', error })
      return fail(state, attempt, { kind: 'refused', error })
    }
    case 'check-again': {
      const { phase } = state
      if (phase.kind !== 'unknown' || phase.checking) return unchanged(state)
      const attempt = attemptFor(
        state,
        event.receipts,
        event.now - CHECK_AGAIN_BACK_MS - FRESH_WINDOW_MS,
      )
      if (!attempt) return unchanged(state)
      return lookInLog({ ...state, attempts: attempt.id }, attempt, phase.cause)
    }
    case 'log-checked': {
      const { attempt, cause, fresh } = event
      return fresh ? follow(state, attempt, fresh) : stillUnknown(state, attempt, cause)
    }
    case 'log-unreadable': {
      const { attempt, cause } = event
      return stillUnknown(state, attempt, { kind: 'log-unreadable', after: cause })
    }
    case 'polled':
      return polled(state, event.transaction)
    case 'give-up': {
      const { followed } = state
      if (!followed || followed.transaction.id !== event.transactionId) return unchanged(state)
      const { latest, subject } = followed
      const phase: Phase =
        state.phase.kind === 'following'
          ? { kind: 'gave-up', transaction: latest, seconds: event.seconds }
          : state.phase
      return {
        state: { ...state, followed: null, phase },
        intents: [
          {
            type: 'announce',
            outcome: 'gave-up',
            transaction: latest,
            subject,
            seconds: event.seconds,
          },
        ],
      }
    }
  }
}

export * from './printFlowModel'
