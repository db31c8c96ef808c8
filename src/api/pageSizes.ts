/**
 * The page sizes (`editable_length`) the console offers for the KKM log. A leaf with no imports:
 * the log's URL (log/logParams.ts) and the remembered preference
 * (preferences/store.ts) validate against the same list.
 */
export const PAGE_SIZES = [25, 50, 100, 250, 1000] as const
/** `all` loads every page of the result (up to the bulk limit) into the virtualised table. */
export type PageSize = (typeof PAGE_SIZES)[number] | 'all'
export const DEFAULT_PAGE_SIZE: PageSize = 50

export function isPageSize(value: unknown): value is PageSize {
  return value === 'all' || (PAGE_SIZES as readonly unknown[]).includes(value)
}
