import type { ServerProfile } from './scenarios'

/** The mock keeps every log newest first; oldest first is the same log read from the other end. */
export function inLogOrder<T>(rows: readonly T[], profile: ServerProfile): readonly T[] {
  return profile.order === 'oldest-first' ? [...rows].reverse() : rows
}

/**
 * One page of a list as the profile's server cuts it. A capped server pages by the size it
 * actually serves (page 2 starts where its page 1 stopped), or, numbering by what was asked, at
 * row `asked` of the list.
 */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  asked: number,
  profile: ServerProfile,
): { data: T[]; count: number } {
  const size = profile.pageCap === null ? asked : Math.min(asked, profile.pageCap)
  const start = (page - 1) * (profile.paging === 'asked' ? asked : size)
  const data = rows.slice(start, start + size)
  return { data, count: profile.count === 'page' ? data.length : rows.length }
}
