/** Whether a location's shift is open, from its latest opening and closing. */
import type { KkmTransaction } from '@/api/transactions'
import type { ShiftView } from '@/components/ShiftStatus'
import { parseApiDate } from '@/domain/apiDate'
import { describeDuration } from '@/domain/durations'
import { formatDateTime } from '@/i18n/format'
import { ENGLISH, type ViewLanguage } from './view'

const DAY_MS = 86_400_000

/** Open when the last successful shift opening is newer than the last closing. */
export function deriveShift(
  events: { opening: KkmTransaction | null; closing: KkmTransaction | null },
  timeZone: string,
  now = Date.now(),
  { t, locale }: { t: ViewLanguage['t']; locale: string } = {
    t: ENGLISH.t,
    locale: ENGLISH.intlLocale,
  },
): ShiftView {
  const opened = events.opening ? parseApiDate(events.opening.print_date, timeZone) : null
  const closed = events.closing ? parseApiDate(events.closing.print_date, timeZone) : null
  if (opened && (!closed || opened.getTime() > closed.getTime())) {
    const age = now - opened.getTime()
    return {
      state: 'open',
      since: formatDateTime(opened, timeZone, locale),
      duration: describeDuration(age, t.shift),
      overdue: age > DAY_MS,
    }
  }
  return { state: 'closed', since: closed ? formatDateTime(closed, timeZone, locale) : null }
}

/** A shift open for the longest time it is not overdue: 23 h 59 min. */
const LONGEST_ON_TIME_MS = DAY_MS - 60_000
const WIDEST_INSTANT = Date.UTC(2026, 11, 28, 22, 58, 58)

/**
 * The widest line an open or closed shift takes in this language and zone: what the shift's place
 * is held for while it loads, so that its arrival moves nothing (the line beside the heading
 * wraps under it, or onto more lines, only where this one would).
 */
export function widestShift(
  timeZone: string,
  { t, locale }: { t: ViewLanguage['t']; locale: string },
): ShiftView {
  return {
    state: 'open',
    // Any instant: the date and time are written in digits of a fixed width.
    since: formatDateTime(new Date(WIDEST_INSTANT), timeZone, locale),
    duration: describeDuration(LONGEST_ON_TIME_MS, t.shift),
    overdue: false,
  }
}
