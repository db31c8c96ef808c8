import { useEffect } from 'react'
import { lockSession } from './store'

const minutes = Number(import.meta.env.VITE_IDLE_LOCK_MINUTES)

/** How long without input before the session locks; `VITE_IDLE_LOCK_MINUTES` at build time, 15 by default. */
export const idleSettings = {
  timeoutMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000,
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
