import { useEffect, useSyncExternalStore } from 'react'
import {
  getPreference,
  subscribePreferences,
  usePreference,
  type Locale,
} from '@/preferences/store'
import { en, type Messages } from './messages/en'

export type { Locale } from '@/preferences/store'
export type { Messages } from './messages/en'

/** The Intl locale of each interface language (English keeps the day-first en-GB it always had). */
export const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' }

/** The switcher's choices, each named in its own language (never translated). */
export const LANGUAGE_OPTIONS: { value: Locale; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'ru', label: 'Русский' },
]

/**
 * English ships with the app; Russian is a chunk of its own, fetched only when chosen, so an
 * English user never downloads it.
 */
const catalogues: Partial<Record<Locale, Messages>> = { en }
const loading = new Map<Locale, Promise<void>>()
const listeners = new Set<() => void>()
let version = 0

/**
 * The language shown: the chosen one once its catalogue is in; until then the last one shown, so
 * while another loads the interface stays as it was (no flash of keys). Kept here, outside
 * render, and moved on only when a catalogue arrives or the choice changes.
 */
let shown: Locale = 'en'

function showChosen(): void {
  const chosen = getPreference('locale')
  if (!catalogues[chosen] || shown === chosen) return
  shown = chosen
  version += 1
  for (const listener of listeners) listener()
}

export function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogues[locale]) return Promise.resolve()
  let pending = loading.get(locale)
  if (!pending) {
    pending = import('./messages/ru').then(({ ru }) => {
      catalogues.ru = ru
      version += 1
      for (const listener of listeners) listener()
      showChosen()
    })
    loading.set(locale, pending)
  }
  return pending
}

subscribePreferences(showChosen)
// A remembered Russian starts loading with the app, in parallel with the first route.
if (getPreference('locale') !== 'en') void loadCatalogue(getPreference('locale'))

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const getVersion = () => version

export interface I18n {
  /** The catalogue of the language shown. */
  t: Messages
  /** The language shown (the chosen one once its catalogue is in). */
  locale: Locale
  /** For Intl: `en-GB`, `ru-RU`. */
  intlLocale: string
  /** The chosen language, remembered by the preferences. */
  chosen: Locale
  setLocale: (locale: Locale) => void
}

export function useI18n(): I18n {
  const [chosen, setLocale] = usePreference('locale')
  useSyncExternalStore(subscribe, getVersion, getVersion)
  const locale = catalogues[chosen] ? chosen : shown
  useEffect(() => {
    if (!catalogues[chosen]) void loadCatalogue(chosen)
  }, [chosen])
  return {
    t: catalogues[locale] ?? en,
    locale,
    intlLocale: INTL_LOCALES[locale],
    chosen,
    setLocale,
  }
}

/** The catalogue shown now, for code outside React (notifications raised by the API client). */
export function currentMessages(): Messages {
  return catalogues[getPreference('locale')] ?? catalogues[shown] ?? en
}

/** `<html lang>` follows the language shown (screen readers pick their voice from it). */
export function useDocumentLanguage(locale: Locale) {
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
}
