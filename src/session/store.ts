import { useSyncExternalStore } from 'react'
import { configureClient, type Credentials } from '@/api/client'

export interface SessionUser {
  id: number | null
  name: string
}

export interface Session extends Credentials {
  userToken: string
  user: SessionUser | null
}

export type EndReason = 'signed-out' | 'expired' | 'idle'

/**
 * Tokens live in memory, mirrored to sessionStorage only so that a reload in the same tab
 * survives. Never localStorage, never a URL, a query key or a log line.
 */
const STORAGE_KEY = 'kkm.session'

type Listener = () => void
const listeners = new Set<Listener>()
const endListeners = new Set<(reason: EndReason) => void>()

function readStored(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<Session>
    if (typeof parsed.partnerToken !== 'string' || typeof parsed.userToken !== 'string') return null
    return {
      partnerToken: parsed.partnerToken,
      userToken: parsed.userToken,
      user: parsed.user ?? null,
    }
  } catch {
    return null
  }
}

let current: Session | null = readStored()

function emit() {
  for (const listener of listeners) listener()
}

export function getSession(): Session | null {
  return current
}

export function startSession(session: Session): void {
  current = session
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(session))
  } catch {
    // Storage may be full or disabled: the session still works until the tab reloads.
  }
  emit()
}

/** Ends the session once; later calls (a burst of 401s) do nothing. */
export function endSession(reason: EndReason): void {
  if (!current) return
  current = null
  globalThis.sessionStorage?.removeItem(STORAGE_KEY)
  for (const listener of endListeners) listener(reason)
  emit()
}

/** Subscribes to the end of a session (the app clears its cache and tells the user). */
export function onSessionEnd(listener: (reason: EndReason) => void): () => void {
  endListeners.add(listener)
  return () => endListeners.delete(listener)
}

function subscribe(listener: Listener) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, getSession)
}

configureClient({
  credentials: () => current,
  onUnauthorized: () => endSession('expired'),
})
