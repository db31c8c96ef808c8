import { useEffect, useSyncExternalStore } from 'react'
import {
  getPreference,
  subscribePreferences,
  usePreference,
  type Locale,
} from '@/preferences/store'
import type { Messages } from './messages/en'

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
 * Each language is a chunk of its own and only the chosen one is fetched: a Russian user never
 * downloads English, nor an English one Russian (the first screen's script preloads the chosen
 * chunk beside the entry, scripts/first-screen.ts). This module waits for it at evaluation (a
 * top-level await), so nothing renders before a catalogue is in and `t` is never missing.
 */
const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./messages/en').then((module) => module.en),
  ru: () => import('./messages/ru').then((module) => module.ru),
}
const catalogues: Partial<Record<Locale, Messages>> = {}
const loading = new Map<Locale, Promise<void>>()
const listeners = new Set<() => void>()
let version = 0

/**
 * The language shown: the chosen one once its catalogue is in; until then the last one shown, so
 * while another loads the interface stays as it was (no flash of keys). Kept here, outside
 * render, and moved on only when a catalogue arrives or the choice changes.
 */
let shown: Locale = getPreference('locale')

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
    pending = LOADERS[locale]().then(
      (messages) => {
        catalogues[locale] = messages
        version += 1
        for (const listener of listeners) listener()
        showChosen()
      },
      (error: unknown) => {
        // A failed fetch may be retried by the next choice of this language.
        loading.delete(locale)
        throw error
      },
    )
    loading.set(locale, pending)
  }
  return pending
}

subscribePreferences(showChosen)
try {
  await loadCatalogue(shown)
} catch {
  // The chosen language's chunk did not load: start in English rather than not at all.
  shown = 'en'
  await loadCatalogue('en')
}

/** The catalogue of the language shown; there is always one (the await above). */
function shownCatalogue(): Messages {
  const messages = catalogues[shown]
  if (!messages) throw new Error(`The ${shown} catalogue is not loaded`)
  return messages
}

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
    t: catalogues[locale] ?? shownCatalogue(),
    locale,
    intlLocale: INTL_LOCALES[locale],
    chosen,
    setLocale,
  }
}

/** The catalogue shown now, for code outside React (notifications raised by the API client). */
export function currentMessages(): Messages {
  return catalogues[getPreference('locale')] ?? shownCatalogue()
}

/** `<html lang>` follows the language shown (screen readers pick their voice from it). */
export function useDocumentLanguage(locale: Locale) {
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
}
