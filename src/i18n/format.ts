/** English output, as before languages: the default of every formatter below. */
const LOCALE = 'en-GB'

/**
 * Intl formatters are costly to build (a fraction of a millisecond each) and cheap to reuse:
 * a 10,000-row log formats three values per row, so each formatter is built once per options.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>()

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`
  let format = formatters.get(key) as Intl.NumberFormat | undefined
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)))
  return format
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

/** Locations name their currency as a symbol (`₽`, `$`); Intl needs a code. */
const CURRENCY_CODES: Record<string, string> = {
  '₽': 'RUB',
  руб: 'RUB',
  'руб.': 'RUB',
  'р.': 'RUB',
  $: 'USD',
  '€': 'EUR',
  '₸': 'KZT',
  '₴': 'UAH',
  '£': 'GBP',
  '₾': 'GEL',
  '֏': 'AMD',
  Br: 'BYN',
}

export function currencyCode(shortTitle: string | undefined): string | null {
  if (!shortTitle) return null
  const trimmed = shortTitle.trim()
  if (/^[A-Z]{3}$/.test(trimmed)) return trimmed
  return CURRENCY_CODES[trimmed] ?? CURRENCY_CODES[trimmed.toLowerCase()] ?? null
}

/** Money as the location shows it; an unknown currency keeps the API's symbol. */
export function formatMoney(
  amount: number,
  currencyShortTitle?: string,
  locale: string = LOCALE,
): string {
  const code = currencyCode(currencyShortTitle)
  if (code) {
    return numberFormat(locale, {
      style: 'currency',
      currency: code,
      currencyDisplay: 'narrowSymbol',
    }).format(amount)
  }
  const number = numberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount)
  return currencyShortTitle ? `${number} ${currencyShortTitle}` : number
}

/** An IANA zone from the location's name for it, or from its hours offset. */
export function locationTimeZone(
  location: { timezone_name?: string; timezone?: number | string } | null | undefined,
): string {
  const name = location?.timezone_name
  if (name && isValidTimeZone(name)) return name
  const offset = Number(location?.timezone)
  // Etc/GMT zones have inverted signs: UTC+3 is Etc/GMT-3.
  if (Number.isInteger(offset) && offset !== 0 && Math.abs(offset) <= 14)
    return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`
  return 'UTC'
}

/** Zones already tried: building a formatter to try one costs ~10 ms on a tablet, each time. */
const zoneValidity = new Map<string, boolean>()

export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone)
  if (valid === undefined) {
    try {
      dateTimeFormat(LOCALE, { timeZone: zone })
      valid = true
    } catch {
      valid = false
    }
    zoneValidity.set(zone, valid)
  }
  return valid
}

export function formatDateTime(date: Date, timeZone: string, locale: string = LOCALE): string {
  return dateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}

/** A calendar day (`YYYY-MM-DD`, a day at the location, not an instant) as the locale writes it. */
export function formatDay(isoDay: string, locale: string = LOCALE): string {
  const date = new Date(`${isoDay}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDay
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** `HH:MM`, 24-hour, in the browser's own zone: when this browser did something. */
export function formatTime(date: Date, locale: string = LOCALE): string {
  return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    date,
  )
}

/** `YYYY-MM-DD` of an instant in a zone: "today" at the location. */
export function dayInZone(date: Date, timeZone: string): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

export function formatCount(value: number, locale: string = LOCALE): string {
  return numberFormat(locale, {}).format(value)
}

/**
 * A zone as people name it ("Moscow Standard Time", "Москва, стандартное время"), not its IANA id.
 * The generic name does not flip between standard and summer time with the day shown; where the
 * locale has none ("GMT+00:00" for UTC) the long one reads better; an offset zone stays "GMT+03:00".
 */
export function formatTimeZoneName(timeZone: string, locale: string = LOCALE): string {
  const nameIn = (timeZoneName: 'long' | 'longGeneric') =>
    dateTimeFormat(locale, { timeZone, timeZoneName })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value
  const generic = nameIn('longGeneric')
  if (generic && !/^GMT[+-]/.test(generic)) return generic
  return nameIn('long') ?? generic ?? timeZone
}

/** A percentage as the locale writes it: "5.5%" in English, "5,5 %" in Russian. */
export function formatPercent(percent: number, locale: string = LOCALE): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100)
}

/** A bare rate as the API titles it ("5.5%", "20 %"); anything else ("Without VAT") is not one. */
const RATE = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/

/** A VAT title in the locale when it is only a rate; the API's words otherwise. */
export function formatVatTitle(title: string, locale: string = LOCALE): string {
  const rate = RATE.exec(title)
  const digits = rate?.[1]
  return digits ? formatPercent(Number(digits.replace(',', '.')), locale) : title
}

/** A country in the language shown, from its ISO code; the API's title when it sends none. */
export function countryName(
  country: { title: string; iso_code?: string | null },
  locale: string = LOCALE,
): string {
  const code = country.iso_code?.trim().toUpperCase()
  if (!code || !/^[A-Z]{2}$/.test(code)) return country.title
  const key = `r|${locale}`
  let names = formatters.get(key) as Intl.DisplayNames | undefined
  if (!names) formatters.set(key, (names = new Intl.DisplayNames(locale, { type: 'region' })))
  // An unknown code comes back as itself: the API's title says more.
  const name = names.of(code)
  return name && name !== code ? name : country.title
}
