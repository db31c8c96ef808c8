import { setPreference, usePreference } from '@/preferences/store'

/**
 * The location the user works at (not a credential): a preference, remembered across sessions by
 * src/preferences, so the shell's picker and the home page open where the till was left.
 */
export function setSelectedLocation(id: number | null): void {
  setPreference('lastLocationId', id)
}

export function useSelectedLocation(): [number | null, (id: number | null) => void] {
  return usePreference('lastLocationId')
}
