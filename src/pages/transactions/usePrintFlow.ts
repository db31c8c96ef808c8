import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { isApiError } from '@/api/errors'
import { queryKeys } from '@/api/keys'
import { printMutation, upsertCachedTransaction } from '@/api/print'
import type { Found } from '@/api/logReader'
import { PrintLockedError, withPrintLock } from '@/api/printLock'
import {
  documentTransactionsQuery,
  findTransaction,
  isTerminalStatus,
  SUCCESS_STATUS,
  type KkmTransaction,
  type OperationTypeId,
} from '@/api/transactions'
import type { DuplicateCheck, PrintOperation, PrintPhase } from '@/components/PrintBillDialog'
import { parseApiDate } from '@/domain/apiDate'
import { addDays } from '@/domain/days'
import { parseId } from '@/domain/ids'
import { mayHaveTakenEffect } from '@/domain/outcome'
import { dayInZone, formatMoney } from '@/i18n/format'
import { describeError } from '../describeError'
import { documentLabel, printedAt, statusLabel, statusTone, type LocationFormat } from './view'

/** How a print is followed after the POST. Tests shorten these. */
export const printFollowSettings = { pollMs: 1000, giveUpMs: 60_000, lookBackDays: 30 }

const OPERATION_TYPE: Record<PrintOperation, OperationTypeId> = { sale: 0, return: 1 }

interface PrintTarget {
  documentText: string
  editable: boolean
  operation: PrintOperation
  usePosTerminal: boolean
  /** The row it was opened from, if any: it names the document and the sum. */
  source: KkmTransaction | null
}

interface Followed {
  transaction: KkmTransaction
  day: string
  targetKey: string
  label: string
}

/** The location's calendar day of a transaction; today when its date cannot be read. */
function dayOf(transaction: KkmTransaction, timeZone: string): string {
  return dayInZone(parseApiDate(transaction.print_date, timeZone) ?? new Date(), timeZone)
}

/**
 * Printing a receipt, exactly once per confirmed intent (design.md, "Printing a receipt is a
 * fiscal act"): look at the log first, send one POST, never retry it, treat a lost answer as
 * unknown, and follow the new transaction to its final status.
 */
export function usePrintFlow(locationId: number, format: LocationFormat) {
  const queryClient = useQueryClient()
  const { t } = format
  const p = t.print
  const word = (operation: PrintOperation) => (operation === 'sale' ? p.saleWord : p.returnWord)
  const mutation = useMutation(printMutation(locationId))
  const [target, setTarget] = useState<PrintTarget | null>(null)
  // The dialog stays mounted after closing, so Mantine can give focus back to the opener.
  const [opened, setOpened] = useState(false)
  const opener = useRef<HTMLElement | null>(null)
  const [acknowledged, setAcknowledged] = useState(false)
  const [phase, setPhase] = useState<PrintPhase>({ kind: 'ready' })
  const [followed, setFollowed] = useState<Followed | null>(null)
  const sending = useRef(false)

  const today = dayInZone(new Date(), format.timeZone)
  const documentId = target ? parseId(target.documentText) : null
  const operationType = target ? OPERATION_TYPE[target.operation] : 0
  const targetKey = `${locationId}:${documentId ?? '-'}:${operationType}`
  const range = {
    startDate: target?.source
      ? dayOf(target.source, format.timeZone)
      : addDays(today, -printFollowSettings.lookBackDays),
    endDate: today,
  }
  if (range.startDate > range.endDate) range.startDate = range.endDate

  const history = useQuery({
    ...documentTransactionsQuery(locationId, documentId ?? 0, operationType, range),
    enabled:
      target !== null && documentId !== null && (phase.kind === 'ready' || phase.kind === 'failed'),
  })

  let check: DuplicateCheck = { state: 'idle' }
  if (documentId !== null && target) {
    if (history.isPending) check = { state: 'checking' }
    else if (history.isError)
      check = {
        state: 'failed',
        message: p.cannotRuleOut(describeError(history.error, t).message),
      }
    else {
      const earlier = history.data.find(
        (t) => t.status.id === SUCCESS_STATUS || statusTone(t.status.id) === 'pending',
      )
      check = earlier
        ? {
            state: 'duplicate',
            message:
              earlier.status.id === SUCCESS_STATUS
                ? p.duplicateDone(word(target.operation), printedAt(earlier, format))
                : p.duplicatePending(word(target.operation), statusLabel(earlier, t)),
          }
        : { state: 'clear' }
    }
  }

  const known = target?.source ?? history.data?.[0] ?? null
  const documentError =
    target?.editable && target.documentText.trim() !== '' && documentId === null
      ? p.badDocumentId
      : null

  const open = useCallback((next: Omit<PrintTarget, 'usePosTerminal'>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setTarget({ ...next, usePosTerminal: false })
    setOpened(true)
    setAcknowledged(false)
    setPhase({ kind: 'ready' })
  }, [])

  const close = useCallback(() => setOpened(false), [])

  const follow = useCallback(
    (transaction: KkmTransaction, key: string, label: string) => {
      upsertCachedTransaction(queryClient, locationId, transaction)
      setFollowed({
        transaction,
        day: dayOf(transaction, format.timeZone),
        targetKey: key,
        label,
      })
      setPhase({ kind: 'following', statusLabel: statusLabel(transaction, t) })
    },
    [queryClient, locationId, format.timeZone, t],
  )

  /** After a lost answer: did the register print? Look for a receipt the log did not hold before. */
  const checkLogAfterUnknown = useCallback(
    async (message: string, before: Set<number>, sentAt: number, key: string, label: string) => {
      if (documentId === null) return
      setPhase({ kind: 'unknown', checking: true, foundLabel: null, message })
      try {
        const receipts = await queryClient.fetchQuery({
          ...documentTransactionsQuery(locationId, documentId, operationType, {
            startDate: today,
            endDate: today,
          }),
          staleTime: 0,
        })
        const fresh = receipts.find(
          (t) =>
            !before.has(t.id) &&
            (parseApiDate(t.print_date, format.timeZone)?.getTime() ?? sentAt) >=
              sentAt - 5 * 60_000,
        )
        if (fresh) follow(fresh, key, label)
        else setPhase({ kind: 'unknown', checking: false, foundLabel: null, message })
      } catch {
        setPhase({
          kind: 'unknown',
          checking: false,
          foundLabel: null,
          message: p.logUnreadable(message),
        })
      }
    },
    [documentId, queryClient, locationId, operationType, today, follow, format.timeZone],
  )

  const send = useCallback(async () => {
    // A double click, a held Enter or a click while the request runs all land here: one POST.
    if (sending.current || !target || documentId === null) return
    sending.current = true
    setPhase({ kind: 'sending' })
    const before = new Set((history.data ?? []).map((t) => t.id))
    const sentAt = Date.now()
    const label = known ? documentLabel(known, t) : p.documentNumber(String(documentId))
    try {
      const result = await withPrintLock(`${locationId}:${documentId}`, () =>
        mutation.mutateAsync({
          document_id: documentId,
          type: operationType,
          is_pos_enabled: target.usePosTerminal,
        }),
      )
      const created =
        result.kkm_transactions.find((t) => t.document.id === documentId) ??
        result.kkm_transactions[0]
      if (created) follow(created, targetKey, label)
      else await checkLogAfterUnknown(p.noTransaction, before, sentAt, targetKey, label)
    } catch (error) {
      if (error instanceof PrintLockedError) {
        setPhase({
          kind: 'failed',
          title: p.alreadyPrintingTitle,
          message: p.nothingMore(error.where === 'this-tab' ? p.lockedHere : p.lockedElsewhere),
          details: [],
        })
      } else if (!isApiError(error) || mayHaveTakenEffect(error)) {
        await checkLogAfterUnknown(
          describeError(error, t).message,
          before,
          sentAt,
          targetKey,
          label,
        )
      } else {
        const failure = describeError(error, t)
        setPhase({
          kind: 'failed',
          title: p.notPrinted(failure.title),
          message: failure.message,
          details: failure.details,
        })
      }
    } finally {
      sending.current = false
    }
  }, [
    target,
    documentId,
    history.data,
    known,
    locationId,
    mutation,
    operationType,
    follow,
    checkLogAfterUnknown,
    targetKey,
  ])

  const followKey = queryKeys.printFollow(locationId, followed?.transaction.id ?? 0)
  const followQuery = useQuery({
    queryKey: followKey,
    // Where it was found last time is where it is most likely still (the log may run oldest first).
    queryFn: ({ signal, client }) =>
      followed
        ? findTransaction(
            locationId,
            followed.transaction,
            followed.day,
            client.getQueryData<Found | null>(followKey)?.page ?? null,
            signal,
          )
        : null,
    enabled: followed !== null,
    refetchInterval: (query) => {
      const latest = query.state.data?.transaction
      return latest && isTerminalStatus(latest.status.id) ? false : printFollowSettings.pollMs
    },
    refetchIntervalInBackground: true,
    staleTime: 0,
    gcTime: 0,
  })

  // Each new state of the followed receipt goes to the log's cache; a final one ends the follow.
  const latest = followQuery.data?.transaction
  useEffect(() => {
    if (!followed || !latest) return
    upsertCachedTransaction(queryClient, locationId, latest)
    const current = target !== null && followed.targetKey === targetKey
    if (!isTerminalStatus(latest.status.id)) {
      if (current) setPhase({ kind: 'following', statusLabel: statusLabel(latest, t) })
      return
    }
    const succeeded = latest.status.id === SUCCESS_STATUS
    notifications.show({
      color: succeeded ? 'teal' : 'red',
      title: succeeded ? p.printedTitle : p.notPrintedTitle,
      message: succeeded
        ? p.printedToast(
            followed.label,
            statusLabel(latest, t),
            formatMoney(latest.sum, format.currency, format.locale),
          )
        : p.failedToast(followed.label, statusLabel(latest, t)),
      autoClose: succeeded ? 6000 : false,
    })
    if (current) {
      setPhase(
        succeeded
          ? { kind: 'succeeded', statusLabel: statusLabel(latest, t) }
          : {
              kind: 'failed',
              title: p.registerFailed,
              message: p.statusIs(statusLabel(latest, t)),
              details: [],
            },
      )
    }
    setFollowed(null)
    void queryClient.invalidateQueries({ queryKey: queryKeys.transactions(locationId) })
  }, [
    latest,
    followed,
    queryClient,
    locationId,
    target,
    targetKey,
    format.currency,
    format.locale,
    t,
    p,
  ])

  // A receipt that never settles is given up on, with a clear message, after a bounded time.
  useEffect(() => {
    if (!followed) return
    const timer = setTimeout(() => {
      const label = statusLabel(
        queryClient.getQueryData<Found | null>(
          queryKeys.printFollow(locationId, followed.transaction.id),
        )?.transaction ?? followed.transaction,
        t,
      )
      notifications.show({
        color: 'yellow',
        title: p.gaveUpTitle,
        message: p.stillAfter(
          followed.label,
          label,
          Math.round(printFollowSettings.giveUpMs / 1000),
        ),
        autoClose: false,
      })
      setPhase((current) =>
        current.kind === 'following'
          ? {
              kind: 'gave-up',
              statusLabel: label,
              seconds: Math.round(printFollowSettings.giveUpMs / 1000),
            }
          : current,
      )
      setFollowed(null)
    }, printFollowSettings.giveUpMs)
    return () => clearTimeout(timer)
  }, [followed, queryClient, locationId, t, p])

  return {
    target,
    opened,
    open,
    close,
    dialog: target && {
      // Back to the button that opened the dialog (WCAG 2.4.3), if it is still on the page.
      onClosed: () => opener.current?.isConnected && opener.current.focus(),
      documentEditable: target.editable,
      documentValue: target.documentText,
      onDocumentChange: (documentText: string) =>
        phase.kind !== 'sending' && setTarget({ ...target, documentText }),
      documentError,
      documentLabel: known ? documentLabel(known, t) : null,
      operation: target.operation,
      onOperationChange: (operation: PrintOperation) => setTarget({ ...target, operation }),
      usePosTerminal: target.usePosTerminal,
      onUsePosTerminalChange: (usePosTerminal: boolean) => setTarget({ ...target, usePosTerminal }),
      sum: known ? formatMoney(known.sum, format.currency, format.locale) : null,
      check,
      duplicateAcknowledged: acknowledged,
      onDuplicateAcknowledgedChange: setAcknowledged,
      phase,
      onConfirm: () => void send(),
      onPrintAgain: () => void send(),
      onCheckAgain: () => {
        const message = phase.kind === 'unknown' ? phase.message : p.resultUnknown
        void checkLogAfterUnknown(
          message,
          new Set((history.data ?? []).map((t) => t.id)),
          Date.now() - 10 * 60_000,
          targetKey,
          known ? documentLabel(known, t) : p.documentNumber(String(documentId ?? '')),
        )
      },
    },
  }
}
