import { PREFERENCES_KEY, type Locale } from '../../src/preferences/store'
import type { Page } from '@playwright/test'

/** The screens the till is used on (issue #13): a laptop, a small laptop, a tablet upright, a phone. */
export const TILL_VIEWPORTS = [
  { name: 'laptop 1366×900', width: 1366, height: 900 },
  { name: 'laptop 1280×800', width: 1280, height: 800 },
  { name: 'tablet 800×1280', width: 800, height: 1280 },
  { name: 'phone 390×844', width: 390, height: 844 },
] as const

export type TillViewport = (typeof TILL_VIEWPORTS)[number]

export const TILL_LANGUAGES: readonly Locale[] = ['en', 'ru']

/** Opens the app in a language, as if the user had chosen it before (the preferences' key). */
export async function startInLanguage(page: Page, locale: Locale): Promise<void> {
  await page.addInitScript(
    ({ key, locale }) => {
      const stored = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>
      window.localStorage.setItem(key, JSON.stringify({ ...stored, locale }))
    },
    { key: PREFERENCES_KEY, locale },
  )
}
