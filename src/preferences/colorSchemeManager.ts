import { getPreference, setPreference, subscribePreferences } from './store'
import type { MantineColorSchemeManager } from '@mantine/core'

/**
 * Mantine's colour scheme kept in the preferences store instead of Mantine's own localStorage key:
 * one place for everything the browser remembers. Another tab's change arrives through the store's
 * `storage` listener. One manager per MantineProvider (it holds that provider's subscription).
 */
export function preferencesColorSchemeManager(): MantineColorSchemeManager {
  let unsubscribe: (() => void) | null = null
  // The scheme Mantine last set or was told about: only a change from elsewhere is reported back.
  let known = getPreference('colorScheme')
  return {
    get: () => getPreference('colorScheme'),
    set: (value) => {
      known = value
      setPreference('colorScheme', value)
    },
    subscribe: (onUpdate) => {
      unsubscribe?.()
      known = getPreference('colorScheme')
      unsubscribe = subscribePreferences(() => {
        const next = getPreference('colorScheme')
        if (next === known) return
        known = next
        onUpdate(next)
      })
    },
    unsubscribe: () => {
      unsubscribe?.()
      unsubscribe = null
    },
    clear: () => {
      known = 'auto'
      setPreference('colorScheme', 'auto')
    },
  }
}
