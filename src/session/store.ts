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

export type EndReason = 'signed-out' | 'expired'

/**
 * Tokens live in memory, mirrored to sessionStorage only so that a reload in the same tab
 * survives. Never localStorage, never a URL, a query key or a log line.
 */
const STORAGE_KEY = 'kkm.session'

type Listener = () => void
const listeners = new Set<Listener>()
const endListeners = new Set<(reason: EndReason) => void>()

/** A locked session keeps the partner token and the page, and waits for the user token again. */
export interface LockedSession {
  partnerToken: string
  user: SessionUser | null
}

function readStored(): { session: Session | null; locked: LockedSession | null } {
  const none = { session: null, locked: null }
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY)
    if (!raw) return none
    const parsed = JSON.parse(raw) as Partial<Session> & { locked?: boolean }
    if (typeof parsed.partnerToken !== 'string') return none
    const user = parsed.user ?? null
    if (parsed.locked) return { session: null, locked: { partnerToken: parsed.partnerToken, user } }
    if (typeof parsed.userToken !== 'string') return none
    return {
      session: { partnerToken: parsed.partnerToken, userToken: parsed.userToken, user },
      locked: null,
    }
  } catch {
    return none
  }
}

const stored = readStored()
let current: Session | null = stored.session
let locked: LockedSession | null = stored.locked

/**
 * Who signed in last in this tab, as a fingerprint of the user token (32 bits of FNV-1a: it tells
 * two tokens apart but cannot give one back). It outlives sign-out, the lock and a 401, so that
 * someone else signing in at the till starts at the start page, not on the page the last user left.
 */
const LAST_USER_KEY = 'kkm.lastUser'

function fingerprint(userToken: string): string {
  let hash = 0x811c9dc5
  for (const char of userToken.trim()) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16)
}

/** Where storage is disabled: the fingerprint lives until the tab reloads. */
let lastUserInMemory: string | null = null

function readLastUser(): string | null {
  try {
    const storage = globalThis.sessionStorage
    return storage ? storage.getItem(LAST_USER_KEY) : lastUserInMemory
  } catch {
    return lastUserInMemory
  }
}

/** Whether this user token is the last user's, or nobody has signed in in this tab yet. */
export function isLastUser(userToken: string): boolean {
  const last = readLastUser()
  return last === null || last === fingerprint(userToken)
}

function rememberUser(userToken: string) {
  lastUserInMemory = fingerprint(userToken)
  try {
    globalThis.sessionStorage?.setItem(LAST_USER_KEY, lastUserInMemory)
  } catch {
    // Storage may be full or disabled: the fingerprint in memory is used instead.
  }
}

function persist(value: object | null) {
  try {
    if (value) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(value))
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY)
  } catch {
    // Storage may be full or disabled: the session still works until the tab reloads.
  }
}

function emit() {
  for (const listener of listeners) listener()
}

export function getSession(): Session | null {
  return current
}

export function getLockedSession(): LockedSession | null {
  return locked
}

export function startSession(session: Session): void {
  current = session
  locked = null
  persist(session)
  rememberUser(session.userToken)
  emit()
}

/** After the idle timeout: forget the user token, keep the page; the user proves it again. */
export function lockSession(): void {
  if (!current) return
  locked = { partnerToken: current.partnerToken, user: current.user }
  current = null
  persist({ ...locked, locked: true })
  emit()
}

/** Ends the session once; later calls (a burst of 401s) do nothing. */
export function endSession(reason: EndReason): void {
  if (!current && !locked) return
  current = null
  locked = null
  persist(null)
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

export function useLockedSession(): LockedSession | null {
  return useSyncExternalStore(subscribe, getLockedSession, getLockedSession)
}

configureClient({
  credentials: () => current,
  onUnauthorized: () => endSession('expired'),
})
