/** The app's own paths: every link and redirect to a page is built here. */

export const paths = {
  /** A location's transaction log, with the log's own search parameters if any. */
  log: (locationId: number | string, search?: URLSearchParams) => {
    const query = search?.toString()
    return `/locations/${locationId}/transactions${query ? `?${query}` : ''}`
  },
  taxSystems: (countryId?: number) =>
    countryId === undefined ? '/tax-systems' : `/tax-systems/${countryId}`,
} as const
