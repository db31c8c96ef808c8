import type { KkmTransaction } from '@/api/transactions'
import type { ShiftView } from '@/components/ShiftStatus'
import { parseApiDate } from '@/domain/apiDate'
import { formatDateTime } from '@/i18n/format'
import { ENGLISH, type ViewLanguage } from './view'

const DAY_MS = 86_400_000

function duration(ms: number, t: ViewLanguage['t']): string {
  const minutes = Math.floor(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return t.shift.days(days, hours)
  if (hours > 0) return t.shift.hours(hours, rest)
  return t.shift.minutes(rest)
}

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
      duration: duration(Math.max(0, age), t),
      overdue: age > DAY_MS,
    }
  }
  return { state: 'closed', since: closed ? formatDateTime(closed, timeZone, locale) : null }
}
