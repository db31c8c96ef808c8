import { useCallback, useSyncExternalStore } from 'react'
import { DEFAULT_PAGE_SIZE, isPageSize, type PageSize } from '@/api/pageSizes'

/**
 * What this browser remembers for whoever uses it, across sessions: the ONE module that touches
 * localStorage (ESLint forbids it everywhere else in src/). One JSON object under one key, with a
 * fixed set of fields, each validated on every read. Never a credential: tokens live in
 * src/session/store.ts (memory, mirrored to sessionStorage) and nothing here can hold one.
 */
export type Locale = 'en' | 'ru'
export type ColorSchemePreference = 'light' | 'dark' | 'auto'

export interface Preferences {
  /** The interface language. */
  locale: Locale
  colorScheme: ColorSchemePreference
  /** The tablet and touch layout with only what a cashier needs. */
  cashierMode: boolean
  /** The location worked at last: the shell's location picker and the home page's redirect. */
  lastLocationId: number | null
  /** The log's page size when its link does not say (`size=`). */
  pageSize: PageSize
  /** The last log's heading as shown: painted again before its location is read (LogHeading). */
  logHeading: LogHeading | null
}

/** A log's heading in the words it was shown in: the location's name and the line under it. */
export interface LogHeading {
  locationId: number
  locale: Locale
  title: string
  intro: string
}

/** Longer than any location's name and zone line; a longer one is not ours. */
const MAX_HEADING_TEXT = 500

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  locale: 'en',
  colorScheme: 'auto',
  cashierMode: false,
  lastLocationId: null,
  pageSize: DEFAULT_PAGE_SIZE,
  logHeading: null,
})

export const PREFERENCES_KEY = 'kkm.preferences'
/** Where Mantine's own colour scheme manager kept the scheme before this store: read once, then removed. */
const LEGACY_COLOR_SCHEME_KEY = 'mantine-color-scheme-value'

const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'ru'
const isHeadingText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_HEADING_TEXT
const isLocationId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0

function isLogHeading(value: unknown): value is LogHeading {
  if (typeof value !== 'object' || value === null) return false
  const heading = value as Record<string, unknown>
  return (
    isLocationId(heading.locationId) &&
    isLocale(heading.locale) &&
    isHeadingText(heading.title) &&
    isHeadingText(heading.intro)
  )
}

const VALIDATORS: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  locale: isLocale,
  colorScheme: (value): value is ColorSchemePreference =>
    value === 'light' || value === 'dark' || value === 'auto',
  cashierMode: (value): value is boolean => typeof value === 'boolean',
  lastLocationId: (value): value is number | null => value === null || isLocationId(value),
  pageSize: isPageSize,
  logHeading: (value): value is LogHeading | null => value === null || isLogHeading(value),
}

function field<K extends keyof Preferences>(key: K, record: Record<string, unknown>) {
  const value = record[key]
  return VALIDATORS[key](value) ? value : DEFAULT_PREFERENCES[key]
}

/** Anything unreadable — not JSON, not an object, a field of the wrong type — falls back field by field. */
export function parsePreferences(raw: string | null): Preferences {
  let parsed: unknown = null
  try {
    parsed = raw === null ? null : JSON.parse(raw)
  } catch {
    parsed = null
  }
  const record =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {}
  return {
    locale: field('locale', record),
    colorScheme: field('colorScheme', record),
    cashierMode: field('cashierMode', record),
    lastLocationId: field('lastLocationId', record),
    pageSize: field('pageSize', record),
    logHeading: field('logHeading', record),
  }
}

/** localStorage, or null where there is none or it may not be touched (privacy modes, sandboxed frames). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/** The stored text; the first time, the scheme chosen before this store existed is carried over. */
function readRaw(): string | null {
  try {
    const store = storage()
    if (!store) return null
    return store.getItem(PREFERENCES_KEY) ?? migrateLegacy(store)
  } catch {
    return null
  }
}

/** Written only with the known fields, so nothing else (a token above all) can travel with them. */
function serialise(value: Preferences): string {
  const known: Preferences = {
    locale: value.locale,
    colorScheme: value.colorScheme,
    cashierMode: value.cashierMode,
    lastLocationId: value.lastLocationId,
    pageSize: value.pageSize,
    // Only its four fields: a heading object carries nothing else along.
    logHeading: value.logHeading && {
      locationId: value.logHeading.locationId,
      locale: value.logHeading.locale,
      title: value.logHeading.title,
      intro: value.logHeading.intro,
    },
  }
  return JSON.stringify(known)
}

function writeRaw(raw: string): boolean {
  try {
    const store = storage()
    if (!store) return false
    store.setItem(PREFERENCES_KEY, raw)
    return true
  } catch {
    // Full, disabled or refused: the change still holds in this tab (below).
    return false
  }
}

/** Mantine's own key, read once where no preferences are stored yet, then dropped. */
function migrateLegacy(store: Storage): string | null {
  const legacy = store.getItem(LEGACY_COLOR_SCHEME_KEY)
  if (legacy === null) return null
  store.removeItem(LEGACY_COLOR_SCHEME_KEY)
  if (!VALIDATORS.colorScheme(legacy)) return null
  const raw = serialise({ ...DEFAULT_PREFERENCES, colorScheme: legacy })
  store.setItem(PREFERENCES_KEY, raw)
  return raw
}

/** The last parse, by the text it came from: reads always follow localStorage, parsing only on change. */
let cache: { raw: string | null; value: Preferences } | null = null
/** A change that storage refused: kept in memory for this tab until a write succeeds again. */
let unsaved: Preferences | null = null

export function getPreferences(): Preferences {
  if (unsaved) return unsaved
  const raw = readRaw()
  if (!cache || cache.raw !== raw) cache = { raw, value: parsePreferences(raw) }
  return cache.value
}

export function getPreference<K extends keyof Preferences>(key: K): Preferences[K] {
  return getPreferences()[key]
}

const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

function save(next: Preferences) {
  const raw = serialise(next)
  if (writeRaw(raw)) {
    unsaved = null
    cache = { raw, value: next }
  } else {
    unsaved = next
  }
  emit()
}

/** Sets one preference; an invalid value (from outside TypeScript) is refused, not stored. */
export function setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
  if (!VALIDATORS[key](value)) return
  const current = getPreferences()
  // By value: a heading read back from storage is a new object equal to the one being set.
  if (JSON.stringify(current[key]) === JSON.stringify(value)) return
  save({ ...current, [key]: value })
}

/** Replaces every preference: the defaults with `overrides` (Storybook starts each story from here). */
export function resetPreferences(overrides: Partial<Preferences> = {}): void {
  const next = parsePreferences(serialise({ ...DEFAULT_PREFERENCES, ...overrides }))
  save(next)
}

/** Another tab changed the preferences: this one follows. */
function onStorage(event: StorageEvent) {
  if (event.key !== null && event.key !== PREFERENCES_KEY) return
  if (event.storageArea && event.storageArea !== storage()) return
  unsaved = null
  emit()
}

export function subscribePreferences(listener: () => void): () => void {
  if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage)
  }
}

/** One preference and its setter; the component re-renders when it changes, in this tab or another. */
export function usePreference<K extends keyof Preferences>(
  key: K,
): [Preferences[K], (value: Preferences[K]) => void] {
  const read = () => getPreference(key)
  const value = useSyncExternalStore(subscribePreferences, read, read)
  const set = useCallback((next: Preferences[K]) => setPreference(key, next), [key])
  return [value, set]
}
