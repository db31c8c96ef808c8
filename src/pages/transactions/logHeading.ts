import { useEffect } from 'react'
import { useI18n } from '@/i18n'
import { setPreference, usePreference, type LogHeading } from '@/preferences/store'

/**
 * The log's heading (the location's name and zone) needs the locations read before it can be
 * written: on a phone's network that is the last thing to paint, ~1 s after the frame. The
 * heading last shown is remembered, in its words, and painted again at once: by the first screen
 * before the JavaScript (scripts/first-screen.ts) and by the log while the locations load. The
 * real one replaces it when they come; a location renamed since is the only thing that moves.
 */
export function useRememberedLogHeading(locationId: number | null): LogHeading | null {
  const [heading] = usePreference('logHeading')
  // The language chosen, as the first screen reads it, even while its words are still loading.
  const { chosen } = useI18n()
  return heading?.locationId === locationId && heading.locale === chosen ? heading : null
}

/** Remembers the heading shown, once the location it names is known (null: not yet). */
export function useRememberLogHeading(heading: LogHeading | null): void {
  const { locationId, locale, title, intro } = heading ?? {}
  useEffect(() => {
    if (locationId !== undefined && locale !== undefined && title && intro)
      setPreference('logHeading', { locationId, locale, title, intro })
  }, [locationId, locale, title, intro])
}
