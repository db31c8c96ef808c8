import { isApiError } from '@/api/errors'
import type { KkmTransaction } from '@/api/transactions'
import type { DuplicateCheck, PrintOperation, PrintPhase } from '@/components/printBill'
import type { Messages } from '@/i18n'
import { formatMoney } from '@/i18n/format'
import { documentLabel, printedAt, statusLabel, type LocationFormat } from '@/log/view'
import { describeError } from '../describeError'
import {
  receiptFindings,
  type Intent,
  type Phase,
  type ReceiptFinding,
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
            details: fieldErrorWords(reason.error, t).sentences,
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

/** The print body's fields as the dialog names them: a server's error speaks of these. */
const FIELD_LABELS = {
  document_id: (p: Messages['print']) => p.documentId,
  type: (p: Messages['print']) => p.operation,
  is_pos_enabled: (p: Messages['print']) => p.posTerminal,
} as const

const isLabelled = (field: string): field is keyof typeof FIELD_LABELS => field in FIELD_LABELS

/** A server's message as a sentence of ours: its field named as the dialog names it, capital first, a full stop last. */
function asSentence(message: string, field: string | null, t: Messages): string {
  const label = field
    ? isLabelled(field)
      ? FIELD_LABELS[field](t.print)
      : field.replaceAll('_', ' ')
    : null
  const named = field && label ? message.replaceAll(field, label) : message
  const capital = named.charAt(0).toUpperCase() + named.slice(1)
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`
}

/**
 * A refused print's field errors (a 422's `meta.errors`) in words: each as a sentence without
 * the wire's field names, and the document id's, to mark the field with.
 */
export function fieldErrorWords(
  error: unknown,
  t: Messages,
): { sentences: string[]; document: string | null } {
  const errors = isApiError(error) ? error.fieldErrors : []
  const sentences = errors.map((f) => asSentence(f.message, f.field, t))
  const index = errors.findIndex((f) => f.field === 'document_id')
  return { sentences, document: index >= 0 ? (sentences[index] ?? null) : null }
}

/** The log is read this many days back for a document: a sale older than that is not seen. */
type CheckFormat = LocationFormat & { lookBackDays: number }

function findingWords(finding: ReceiptFinding, operation: PrintOperation, format: CheckFormat) {
  const { t } = format
  const p = t.print
  switch (finding.kind) {
    case 'printed':
      return p.duplicateDone(operationWord(operation, p), printedAt(finding.receipt, format))
    case 'in-flight':
      return p.duplicatePending(operationWord(operation, p), statusLabel(finding.receipt, t))
    case 'no-sale':
      return finding.pending
        ? p.saleNotPrintedYet(statusLabel(finding.pending, t))
        : p.noSale(format.lookBackDays)
  }
}

interface LogRead {
  isPending: boolean
  isError: boolean
  error: unknown
  data?: KkmTransaction[]
}

/**
 * What the log says about the document before a print: its receipts of the operation, and for
 * a return its sales (`sales` null for a sale: none are read).
 */
export function checkWords(
  history: LogRead,
  sales: LogRead | null,
  operation: PrintOperation,
  format: CheckFormat,
): DuplicateCheck {
  const { t } = format
  const p = t.print
  const reads = sales ? [history, sales] : [history]
  if (reads.some((read) => read.isPending)) return { state: 'checking' }
  const failed = reads.find((read) => read.isError || !read.data)
  if (failed)
    return { state: 'failed', message: p.cannotRuleOut(describeError(failed.error, t).message) }
  const findings = receiptFindings(operation, history.data ?? [], sales?.data ?? [])
  const first = findings[0]
  if (!first) return { state: 'clear' }
  return {
    state: 'duplicate',
    reason: first.kind,
    message: findings.map((finding) => findingWords(finding, operation, format)).join(' '),
  }
}

/** One toast per document: a later word on it replaces the earlier instead of stacking under it. */
export const announcementId = (locationId: number, subject: Subject) =>
  `print-${locationId}-${subject.documentId}`

export function announcement(
  intent: Extract<Intent, { type: 'announce' }>,
  format: LocationFormat,
): NotificationData {
  const { t } = format
  const p = t.print
  const label = subjectLabel(intent.subject, t)
  switch (intent.outcome) {
    case 'printed':
      return {
        color: 'teal',
        loading: false,
        title: p.printedTitle,
        message: p.printedToast(
          label,
          statusLabel(intent.transaction, t),
          formatMoney(intent.transaction.sum, format.currency, format.locale),
        ),
        autoClose: 6000,
      }
    case 'failed':
      return {
        color: 'red',
        loading: false,
        title: p.notPrintedTitle,
        message: p.failedToast(label, statusLabel(intent.transaction, t)),
        autoClose: false,
      }
    case 'gave-up':
      return {
        color: 'yellow',
        loading: false,
        title: p.gaveUpTitle,
        message: p.stillAfter(label, statusLabel(intent.transaction, t), intent.seconds),
        autoClose: false,
      }
    case 'refused':
      return {
        color: 'red',
        loading: false,
        title: p.notPrintedTitle,
        message: p.refusedToast(label, describeError(intent.error, t).message),
        autoClose: false,
      }
    case 'unknown':
      return {
        color: 'yellow',
        loading: false,
        title: p.unknownTitle,
        message: p.unknownToast(label, unknownMessage(intent.cause, t)),
        autoClose: false,
      }
    case 'sending':
      return {
        color: 'blue',
        loading: true,
        title: p.printingAgainTitle,
        message: p.printingAgainToast(label),
        autoClose: false,
      }
  }
}
