import { lazy, useEffect, useState } from 'react'
import { whenIdle } from './whenIdle'
import type { NotificationData } from '@mantine/notifications'

/*
 * Toasts, container and store alike, stay out of the first load: with their transitions and
 * scroll-lock helpers they are ~11 kB gzip, and nothing on a first screen is a toast. The
 * container mounts in the first idle time after it (or at once for a toast shown earlier); a toast
 * shown before it mounts waits in the store.
 */
const loadNotifications = () => import('@mantine/notifications')

export const ToastContainer = lazy(() =>
  loadNotifications().then((module) => ({ default: module.Notifications })),
)

let wanted = false
const wake = new Set<() => void>()

export function showToast(toast: NotificationData): void {
  if (!wanted) {
    wanted = true
    for (const mount of wake) mount()
  }
  void loadNotifications().then(({ notifications }) => notifications.show(toast))
}

/** Whether the toasts' container should be in the page yet. */
export function useToastContainer(): boolean {
  const [mounted, setMounted] = useState(wanted)
  useEffect(() => {
    if (mounted) return
    const mount = () => setMounted(true)
    wake.add(mount)
    const stop = whenIdle(mount)
    return () => {
      wake.delete(mount)
      stop()
    }
  }, [mounted])
  return mounted
}
