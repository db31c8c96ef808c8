import {
  newestTransaction,
  SUCCESS_STATUS,
  type KkmTransaction,
  type OperationTypeId,
} from '@/api/transactions'
import { parseApiDate, zoneOffsetMs } from '@/domain/apiDate'
import { dayInZone } from '@/i18n/format'
import { deriveShift } from '@/log/shift'
import { ENGLISH, type ViewLanguage } from '@/log/view'

export interface ShiftEvents {
  opening: KkmTransaction | null
  closing: KkmTransaction | null
}

/** The latest successful shift opening and closing among transactions, whatever their order. */
export function latestShiftEvents(transactions: readonly KkmTransaction[]): ShiftEvents {
  const latest = (type: OperationTypeId) =>
    newestTransaction(
      transactions.filter(
        (transaction) => transaction.type.id === type && transaction.status.id === SUCCESS_STATUS,
      ),
    )
  return { opening: latest(4), closing: latest(5) }
}

export type ShiftSummary =
  | {
      state: 'open'
      /** "3 h 12 min", from src/log/shift.ts. */
      duration: string
      /** The day the shift was opened, `YYYY-MM-DD` at the location. */
      openedOn: string
      overdue: boolean
    }
  | { state: 'closed'; at: string }
  | { state: 'none' }

/** `HH:MM`, 24-hour, at the location. */
export function timeOfDay(date: Date, timeZone: string): string {
  return new Date(date.getTime() + zoneOffsetMs(date, timeZone)).toISOString().slice(11, 16)
}

/** The shift as the log page derives it (src/log/shift.ts), said the overview's way. */
export function summarizeShift(
  events: ShiftEvents,
  timeZone: string,
  today: string,
  asOf: number,
  language: ViewLanguage = ENGLISH,
): ShiftSummary {
  const view = deriveShift(events, timeZone, asOf, { t: language.t, locale: language.intlLocale })
  if (view.state === 'open' && events.opening) {
    const opened = parseApiDate(events.opening.print_date, timeZone)
    return {
      state: 'open',
      duration: view.duration,
      openedOn: opened ? dayInZone(opened, timeZone) : today,
      overdue: view.overdue,
    }
  }
  const closed = events.closing ? parseApiDate(events.closing.print_date, timeZone) : null
  if (closed && dayInZone(closed, timeZone) === today)
    return { state: 'closed', at: timeOfDay(closed, timeZone) }
  return { state: 'none' }
}

/**
 * The shift from today's log alone, with no request of its own. `null` when today's log holds no
 * shift opening or closing: then only the look-back can tell "no shift today" from a shift opened
 * on an earlier day and never closed.
 */
export function shiftFromTodaysLog(
  transactions: readonly KkmTransaction[],
  timeZone: string,
  today: string,
  asOf: number,
  language: ViewLanguage = ENGLISH,
): ShiftSummary | null {
  const events = latestShiftEvents(transactions)
  if (!events.opening && !events.closing) return null
  return summarizeShift(events, timeZone, today, asOf, language)
}
