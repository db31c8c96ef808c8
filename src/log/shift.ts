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
