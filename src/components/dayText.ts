/**
 * Calendar days as people type them: each interface language has one written form, shown as the
 * field's placeholder and read back from what was typed. The URL and the API keep `YYYY-MM-DD`.
 */
import { isIsoDay } from '@/domain/days'
import type { Locale } from '@/i18n'

export interface DayTextFormat {
  /** What the field shows while empty: the form to type, in the language's own letters. */
  pattern: string
  /** The order the parts are typed in. */
  order: 'dmy' | 'ymd'
  separator: string
}

/** Russian writes `15.11.2026`; English keeps the URL's own `2026-11-15`, which no reader misreads. */
export const DAY_TEXT_FORMATS: Record<Locale, DayTextFormat> = {
  ru: { pattern: 'ДД.ММ.ГГГГ', order: 'dmy', separator: '.' },
  en: { pattern: 'YYYY-MM-DD', order: 'ymd', separator: '-' },
}

const pad = (part: string) => part.padStart(2, '0')

/** A `YYYY-MM-DD` day in the language's written form. */
export function formatDayText(isoDay: string, locale: Locale): string {
  const format = DAY_TEXT_FORMATS[locale]
  const [year, month, day] = isoDay.split('-')
  if (format.order === 'ymd' || !year || !month || !day) return isoDay
  return [day, month, year].join(format.separator)
}

/** Any of . / - or spaces between the parts, or none at all (`15112026`). */
const DMY = /^(\d{1,2})[./\-\s]+(\d{1,2})[./\-\s]+(\d{4}|\d{2})$|^(\d{2})(\d{2})(\d{4})$/
const YMD = /^(\d{4})[./\-\s]+(\d{1,2})[./\-\s]+(\d{1,2})$|^(\d{4})(\d{2})(\d{2})$/

/**
 * What was typed as a `YYYY-MM-DD` day, or null when it is not a day of the calendar. The URL's
 * own form is read in every language, so a day pasted from a link is never refused.
 */
export function parseDayText(text: string, locale: Locale): string | null {
  const typed = text.trim()
  if (isIsoDay(typed)) return typed
  const order = DAY_TEXT_FORMATS[locale].order
  const match = (order === 'dmy' ? DMY : YMD).exec(typed)
  if (!match) return null
  const parts = match.slice(1).filter((part): part is string => part !== undefined)
  const [a = '', b = '', c = ''] = parts
  const [year, month, day] = order === 'dmy' ? [c, b, a] : [a, b, c]
  // A two-digit year is this century's: nobody looks for KKM receipts from the 1900s.
  const iso = `${year.length === 2 ? `20${year}` : year}-${pad(month)}-${pad(day)}`
  return isIsoDay(iso) ? iso : null
}
