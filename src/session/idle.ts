import { useEffect } from 'react'
import { lockSession } from './store'

const minutes = Number(import.meta.env.VITE_IDLE_LOCK_MINUTES)

/** How long without input before the session locks; `VITE_IDLE_LOCK_MINUTES` at build time, 15 by default. */
export const IDLE_DEFAULTS: Readonly<{ timeoutMs: number }> = Object.freeze({
  timeoutMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000,
})

/**
 * The settings in force. Module state, because the shell's hook and the lock screen read it without
 * a provider between them; a harness gives a test its own with `configureIdleLock` and every test
 * and story starts again from the defaults (`resetIdleLock`), so no test can leak a short timeout.
 */
export const idleSettings: { timeoutMs: number } = { ...IDLE_DEFAULTS }

export function configureIdleLock(next: Partial<typeof IDLE_DEFAULTS>): void {
  Object.assign(idleSettings, next)
}

export function resetIdleLock(): void {
  Object.assign(idleSettings, IDLE_DEFAULTS)
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const

/** Locks the session after a spell without keyboard, pointer or scrolling. */
export function useIdleLock(active: boolean): void {
  useEffect(() => {
    if (!active) return
    let timer = setTimeout(lockSession, idleSettings.timeoutMs)
    const reset = () => {
      clearTimeout(timer)
      timer = setTimeout(lockSession, idleSettings.timeoutMs)
    }
    for (const event of ACTIVITY)
      window.addEventListener(event, reset, { passive: true, capture: true })
    return () => {
      clearTimeout(timer)
      for (const event of ACTIVITY) window.removeEventListener(event, reset, { capture: true })
    }
  }, [active])
}
