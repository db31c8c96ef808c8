import { useIsMutating } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { queryKeys } from '@/api/keys'

export interface LiveLogSettings {
  /**
   * How often a visible log reads itself again. The salon's tills share 5 requests a second, and
   * a read of a busy day takes several: every 45 s leaves room for printing and the shift.
   */
  intervalMs: number
  /** How often "updated N s ago" is recomputed: a screen reader is told nothing of it. */
  tickMs: number
}

export const LIVE_LOG_DEFAULTS: LiveLogSettings = { intervalMs: 45_000, tickMs: 10_000 }

const liveLogSettings: LiveLogSettings = { ...LIVE_LOG_DEFAULTS }

/** A test harness's own timings (a short interval); `null` restores the defaults. */
export function configureLiveLog(next: Partial<LiveLogSettings> | null): void {
  Object.assign(liveLogSettings, LIVE_LOG_DEFAULTS, next)
}

/**
 * The log query's `refetchInterval`: off while a print of this location is in flight (a read
 * then would spend the rate limit the print's follow-up needs, and show a half-made receipt).
 * TanStack pauses the interval while the tab is hidden (`refetchIntervalInBackground` is off)
 * and never starts a read while the last one runs (a refetch joins the one in flight).
 */
export function useLiveInterval(locationId: number): number | false {
  const printing = useIsMutating({ mutationKey: queryKeys.mutations.print(locationId) }) > 0
  return printing ? false : liveLogSettings.intervalMs
}

/** Whole seconds since `at` (ms), recomputed every `tickMs`; null before the first read. */
export function useSecondsSince(at: number): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), liveLogSettings.tickMs)
    return () => clearInterval(timer)
  }, [])
  if (at === 0) return null
  return Math.max(0, Math.floor((now - at) / 1000))
}
