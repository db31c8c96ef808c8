/**
 * The one reader of the API's date-times. Deployments send `print_date` either as ISO 8601 with
 * an offset or as the location's wall time without one (`2018-06-26 01:10:19`); only the zone of
 * the location can place the second form on the time line. Nothing else in the app parses an
 * API date string.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>()

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    offsetFormats.set(timeZone, format)
  }
  return format
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return wall - Math.floor(at.getTime() / 1000) * 1000
}

const WITH_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/

/** An API date-time as an instant; null when it is neither form. */
export function parseApiDate(value: string, timeZone: string): Date | null {
  const trimmed = value.trim()
  if (WITH_OFFSET.test(trimmed)) {
    const date = new Date(trimmed)
    return Number.isNaN(date.getTime()) ? null : date
  }
  const match = WALL_TIME.exec(trimmed)
  if (!match) return null
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s)
  // Twice: the offset at the guessed instant can differ from the offset at the real one near a
  // daylight-saving change.
  const first = asUtc - zoneOffsetMs(new Date(asUtc), timeZone)
  return new Date(asUtc - zoneOffsetMs(new Date(first), timeZone))
}

/** Milliseconds since the epoch of an API date-time, or NaN: for sorting and comparing. */
export function apiTime(value: string, timeZone: string): number {
  return parseApiDate(value, timeZone)?.getTime() ?? Number.NaN
}

/** `YYYY-MM-DD HH:mm:ss` at the zone: the older deployments' form of an instant. */
export function wallTime(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + zoneOffsetMs(at, timeZone))
  return local.toISOString().slice(0, 19).replace('T', ' ')
}
