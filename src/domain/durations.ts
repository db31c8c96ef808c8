/** How a duration is said: the catalogue's words for whole days, hours and minutes. */
export interface DurationWords {
  days: (days: number, hours: number) => string
  hours: (hours: number, minutes: number) => string
  minutes: (minutes: number) => string
}

/** "2 d 3 h", "1 h 5 min", "12 min": the two largest units, rounded down to the minute. */
export function describeDuration(ms: number, words: DurationWords): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return words.days(days, hours)
  if (hours > 0) return words.hours(hours, minutes % 60)
  return words.minutes(minutes % 60)
}

/** A receipt still in flight after this long is stuck: the overview names it and links to it. */
export const STUCK_AFTER_MS = 5 * 60_000
