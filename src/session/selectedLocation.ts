import { useCallback, useSyncExternalStore } from 'react'

/** The location the user works at, remembered for the browser session (not a credential). */
const KEY = 'kkm.location'
const listeners = new Set<() => void>()

function read(): number | null {
  const raw = globalThis.sessionStorage?.getItem(KEY)
  const id = Number(raw)
  return raw && Number.isInteger(id) && id > 0 ? id : null
}

export function setSelectedLocation(id: number | null): void {
  if (id === null) globalThis.sessionStorage?.removeItem(KEY)
  else globalThis.sessionStorage?.setItem(KEY, String(id))
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useSelectedLocation(): [number | null, (id: number | null) => void] {
  const id = useSyncExternalStore(subscribe, read, read)
  return [id, useCallback((next: number | null) => setSelectedLocation(next), [])]
}
