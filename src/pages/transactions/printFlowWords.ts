import { SUCCESS_STATUS, type KkmTransaction } from '@/api/transactions'
import type { DuplicateCheck, PrintOperation, PrintPhase } from '@/components/printBill'
import type { Messages } from '@/i18n'
import { formatMoney } from '@/i18n/format'
import { documentLabel, printedAt, statusLabel, type LocationFormat } from '@/log/view'
import { describeError } from '../describeError'
import {
  earlierReceipt,
  type Intent,
  type Phase,
  type Subject,
  type UnknownCause,
} from './printFlow'
import type { NotificationData } from '@mantine/notifications'

/** The print flow's data in the cashier's words: the dialog's phase and check, and the toasts. */

const operationWord = (operation: PrintOperation, p: Messages['print']) =>
  operation === 'sale' ? p.saleWord : p.returnWord

export function subjectLabel(subject: Subject, t: Messages): string {
  return subject.known
    ? documentLabel(subject.known, t)
    : t.print.documentNumber(String(subject.documentId))
}

function unknownMessage(cause: UnknownCause, t: Messages): string {
  switch (cause.kind) {
    case 'error':
      return describeError(cause.error, t).message
    case 'no-transaction':
      return t.print.noTransaction
    case 'log-unreadable':
      return t.print.logUnreadable(unknownMessage(cause.after, t))
  }
}

export function phaseWords(phase: Phase, t: Messages): PrintPhase {
  const p = t.print
  switch (phase.kind) {
    case 'ready':
    case 'sending':
      return { kind: phase.kind }
    case 'following':
    case 'succeeded':
      return { kind: phase.kind, statusLabel: statusLabel(phase.transaction, t) }
    case 'gave-up':
      return {
        kind: 'gave-up',
        statusLabel: statusLabel(phase.transaction, t),
        seconds: phase.seconds,
      }
    case 'unknown':
      return {
        kind: 'unknown',
        checking: phase.checking,
        foundLabel: null,
        message: unknownMessage(phase.cause, t),
      }
    case 'failed': {
      const { reason } = phase
      switch (reason.kind) {
        case 'locked':
          return {
            kind: 'failed',
            title: p.alreadyPrintingTitle,
            message: p.nothingMore(reason.where === 'this-tab' ? p.lockedHere : p.lockedElsewhere),
            details: [],
          }
        case 'refused': {
          const failure = describeError(reason.error, t)
          return {
            kind: 'failed',
            title: p.notPrinted(failure.title),
            message: failure.message,
            details: failure.details,
          }
        }
        case 'register':
          return {
            kind: 'failed',
            title: p.registerFailed,
            message: p.statusIs(statusLabel(reason.transaction, t)),
            details: [],
          }
      }
    }
  }
}

/** What the log says about earlier receipts of the document and operation. */
export function checkWords(
  history: { isPending: boolean; isError: boolean; error: unknown; data?: KkmTransaction[] },
  operation: PrintOperation,
  format: LocationFormat,
): DuplicateCheck {
  const { t } = format
  const p = t.print
  if (history.isPending) return { state: 'checking' }
  if (history.isError || !history.data)
    return { state: 'failed', message: p.cannotRuleOut(describeError(history.error, t).message) }
  const earlier = earlierReceipt(history.data)
  if (!earlier) return { state: 'clear' }
  return {
    state: 'duplicate',
    message:
      earlier.status.id === SUCCESS_STATUS
        ? p.duplicateDone(operationWord(operation, p), printedAt(earlier, format))
        : p.duplicatePending(operationWord(operation, p), statusLabel(earlier, t)),
  }
}

export function announcement(
  intent: Extract<Intent, { type: 'announce' }>,
  format: LocationFormat,
): NotificationData {
  const { t } = format
  const p = t.print
  const label = subjectLabel(intent.subject, t)
  const status = statusLabel(intent.transaction, t)
  switch (intent.outcome) {
    case 'printed':
      return {
        color: 'teal',
        title: p.printedTitle,
        message: p.printedToast(
          label,
          status,
          formatMoney(intent.transaction.sum, format.currency, format.locale),
        ),
        autoClose: 6000,
      }
    case 'failed':
      return {
        color: 'red',
        title: p.notPrintedTitle,
        message: p.failedToast(label, status),
        autoClose: false,
      }
    case 'gave-up':
      return {
        color: 'yellow',
        title: p.gaveUpTitle,
        message: p.stillAfter(label, status, intent.seconds),
        autoClose: false,
      }
  }
}
