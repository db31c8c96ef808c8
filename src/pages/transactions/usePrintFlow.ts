import { notifications, notificationsStore, type NotificationData } from '@mantine/notifications'
import { QueryObserver, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react'
import { queryKeys } from '@/api/keys'
import { printMutation, upsertCachedTransaction } from '@/api/print'
import { printFollowQuery } from '@/api/printFollow'
import { withPrintLock } from '@/api/printLock'
import { documentTransactionsQuery, type KkmTransaction } from '@/api/transactions'
import type { DuplicateCheck, PrintOperation } from '@/components/printBill'
import { parseApiDate } from '@/domain/apiDate'
import { addDays } from '@/domain/days'
import { dayInZone, formatMoney } from '@/i18n/format'
import { documentLabel, type LocationFormat } from '@/log/view'
import {
  documentIdOf,
  freshReceipt,
  initialPrintFlow,
  knownTransaction,
  operationTypeOf,
  step,
  type Intent,
  type PrintFlowEvent,
  type PrintTarget,
} from './printFlow'
import {
  announcement,
  announcementId,
  checkWords,
  fieldErrorWords,
  phaseWords,
} from './printFlowWords'

/** How a print is followed after the POST. Tests and stories shorten these. */
const PRINT_FOLLOW_DEFAULTS = { pollMs: 1000, giveUpMs: 60_000, lookBackDays: 30 }
export type PrintFollowSettings = typeof PRINT_FOLLOW_DEFAULTS
/** How a print is followed after the POST; a harness sets it through configurePrintFollow. */
const printFollowSettings: PrintFollowSettings = { ...PRINT_FOLLOW_DEFAULTS }

/** A test harness's own timings (a short poll, a quick give-up); `null` restores the defaults. */
export function configurePrintFollow(next: Partial<PrintFollowSettings> | null): void {
  Object.assign(printFollowSettings, PRINT_FOLLOW_DEFAULTS, next)
}

/** The location's calendar day of a transaction; today when its date cannot be read. */
function dayOf(transaction: KkmTransaction, timeZone: string): string {
  return dayInZone(parseApiDate(transaction.print_date, timeZone) ?? new Date(), timeZone)
}

type Dispatch = (event: PrintFlowEvent) => void

/**
 * A document's toast: put in place of the one it already has (a red "not printed" must not stay
 * above a later green "printed"), else shown. `onlyReplace` says nothing new: a new attempt
 * only takes the place of an earlier attempt's word that is still up.
 */
function announce(data: NotificationData & { id: string }, onlyReplace: boolean) {
  const { notifications: shown, queue } = notificationsStore.getState()
  if ([...shown, ...queue].some((item) => item.id === data.id)) notifications.update(data)
  else if (!onlyReplace) notifications.show(data)
}

/**
 * Printing a receipt, exactly once per confirmed intent. The rules are the state machine's
 * (printFlow.ts); this hook carries out its intents — the POST under the cross-tab lock, the
 * look in the log, the follow-up, the cache and the toasts — and puts its state into words.
 * `settings` are read when used, so a caller may pass its own or change the defaults.
 */
export function usePrintFlow(
  locationId: number,
  format: LocationFormat,
  settings: PrintFollowSettings = printFollowSettings,
) {
  const queryClient = useQueryClient()
  const { t, timeZone } = format
  const { mutateAsync } = useMutation(printMutation(locationId))
  const [state, setState] = useState(initialPrintFlow)
  // The machine's state as of the last event, read synchronously: two clicks in one tick see
  // the first one's `sending`, whatever React has rendered by then.
  const machine = useRef(initialPrintFlow)

  const perform = useCallback(
    async (intent: Intent, dispatch: Dispatch) => {
      switch (intent.type) {
        case 'post': {
          const { attempt, body } = intent
          let outcome: PrintFlowEvent
          try {
            const result = await withPrintLock(`${locationId}:${attempt.documentId}`, () =>
              mutateAsync(body),
            )
            outcome = { type: 'posted', attempt, result }
          } catch (error) {
            outcome = { type: 'post-failed', attempt, error }
          }
          dispatch(outcome)
          return
        }
        case 'check-log': {
          const { attempt, cause } = intent
          const today = dayInZone(new Date(), timeZone)
          let outcome: PrintFlowEvent
          try {
            const receipts = await queryClient.fetchQuery({
              ...documentTransactionsQuery(locationId, attempt.documentId, attempt.operationType, {
                startDate: today,
                endDate: today,
              }),
              staleTime: 0,
            })
            const printedAt = (receipt: KkmTransaction) =>
              parseApiDate(receipt.print_date, timeZone)?.getTime() ?? null
            const fresh = freshReceipt(receipts, attempt, printedAt)
            outcome = { type: 'log-checked', attempt, cause, fresh }
          } catch {
            outcome = { type: 'log-unreadable', attempt, cause }
          }
          dispatch(outcome)
          return
        }
        case 'cache': {
          const { transaction } = intent
          upsertCachedTransaction(
            queryClient,
            locationId,
            transaction,
            dayOf(transaction, timeZone),
          )
          return
        }
        case 'announce':
          announce(
            { ...announcement(intent, format), id: announcementId(locationId, intent.subject) },
            intent.outcome === 'sending',
          )
          return
        case 'refresh-log':
          void queryClient.invalidateQueries({ queryKey: queryKeys.transactions(locationId) })
          return
      }
    },
    [locationId, mutateAsync, queryClient, timeZone, format],
  )

  const dispatch = useCallback(
    function dispatch(event: PrintFlowEvent) {
      const { state: next, intents } = step(machine.current, event)
      machine.current = next
      setState(next)
      for (const intent of intents) void perform(intent, dispatch)
    },
    [perform],
  )

  // The follow-up: each state of the receipt in the log is an event, until the machine stops following.
  const followed = state.followed?.transaction ?? null
  const onPolled = useEffectEvent((transaction: KkmTransaction) =>
    dispatch({ type: 'polled', transaction }),
  )
  const { pollMs, giveUpMs } = settings
  useEffect(() => {
    if (!followed) return
    const day = dayOf(followed, timeZone)
    const observer = new QueryObserver(
      queryClient,
      printFollowQuery(locationId, { transaction: followed, day }, pollMs),
    )
    let last: KkmTransaction | undefined
    return observer.subscribe((result) => {
      const found = result.data?.transaction
      if (found && found !== last) onPolled(found)
      last = found
    })
  }, [followed, queryClient, locationId, timeZone, pollMs])

  // A receipt that never settles is given up on, with a clear message, after a bounded time.
  const onGiveUp = useEffectEvent((transactionId: number, seconds: number) =>
    dispatch({ type: 'give-up', transactionId, seconds }),
  )
  useEffect(() => {
    if (!followed) return
    const timer = setTimeout(() => onGiveUp(followed.id, Math.round(giveUpMs / 1000)), giveUpMs)
    return () => clearTimeout(timer)
  }, [followed, giveUpMs])

  const { target, phase } = state
  const documentId = documentIdOf(target)
  const today = dayInZone(new Date(), timeZone)
  // From the row's own day (it cannot be older), or as far back as a document is looked for.
  const range = {
    startDate: target?.source
      ? dayOf(target.source, timeZone)
      : addDays(today, -settings.lookBackDays),
    endDate: today,
  }
  if (range.startDate > range.endDate) range.startDate = range.endDate
  const editing = phase.kind === 'ready' || phase.kind === 'failed'
  const history = useQuery({
    ...documentTransactionsQuery(locationId, documentId, operationTypeOf(target), range),
    enabled: editing,
  })
  // A return needs a sale to return: its sale may be older than the return's row, so the whole look-back.
  const returning = target?.operation === 'return'
  const sales = useQuery({
    ...documentTransactionsQuery(locationId, returning ? documentId : null, 0, {
      startDate: addDays(today, -settings.lookBackDays),
      endDate: today,
    }),
    enabled: editing && returning,
  })

  const open = useCallback(
    (next: Omit<PrintTarget, 'usePosTerminal'>) => dispatch({ type: 'open', target: next }),
    [dispatch],
  )
  const close = useCallback(() => dispatch({ type: 'close' }), [dispatch])

  const known = knownTransaction(target, history.data)
  const check: DuplicateCheck =
    target && documentId !== null
      ? checkWords(history, returning ? sales : null, target.operation, {
          ...format,
          lookBackDays: settings.lookBackDays,
        })
      : { state: 'idle' }
  const typedBadly = target?.editable && target.documentText.trim() !== '' && documentId === null
  // The server's word on the document id marks the field, as the cashier's own mistake would.
  const refusedDocument =
    phase.kind === 'failed' && phase.reason.kind === 'refused'
      ? fieldErrorWords(phase.reason.error, t).document
      : null
  return {
    target,
    opened: state.opened,
    open,
    close,
    dialog: target && {
      documentEditable: target.editable,
      documentValue: target.documentText,
      onDocumentChange: (documentText: string) =>
        dispatch({ type: 'edit', patch: { documentText } }),
      documentError: typedBadly ? t.print.badDocumentId : refusedDocument,
      // Only an id that could be sent names the document: "Document #abc" would be a lie.
      documentLabel: known
        ? documentLabel(known, t)
        : documentId !== null
          ? t.print.documentNumber(String(documentId))
          : null,
      operation: target.operation,
      onOperationChange: (operation: PrintOperation) =>
        dispatch({ type: 'edit', patch: { operation } }),
      usePosTerminal: target.usePosTerminal,
      onUsePosTerminalChange: (usePosTerminal: boolean) =>
        dispatch({ type: 'edit', patch: { usePosTerminal } }),
      sum: known ? formatMoney(known.sum, format.currency, format.locale) : null,
      check,
      duplicateAcknowledged: state.acknowledged,
      onDuplicateAcknowledgedChange: (value: boolean) => dispatch({ type: 'acknowledge', value }),
      phase: phaseWords(phase, t),
      onConfirm: () => dispatch({ type: 'send', receipts: history.data, now: Date.now() }),
      onPrintAgain: () => dispatch({ type: 'send', receipts: history.data, now: Date.now() }),
      onCheckAgain: () =>
        dispatch({ type: 'check-again', receipts: history.data, now: Date.now() }),
    },
  }
}
