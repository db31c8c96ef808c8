import type { LogFilters, TransactionFilters } from './logReader'

/**
 * One query-key tree for the whole app. Keys hold ids and filters only, never credentials:
 * the session is cleared with the whole cache on sign-out, so keys need no user scope.
 */
export const queryKeys = {
  all: ['altegio'] as const,
  countries: () => [...queryKeys.all, 'countries'] as const,
  locations: () => [...queryKeys.all, 'locations', 'my'] as const,
  taxSystems: (countryId: number) => [...queryKeys.all, 'tax-systems', countryId] as const,
  /** Every location's log: what a fiscal result reported by callback may change. */
  allTransactions: () => [...queryKeys.all, 'kkm-transactions'] as const,
  transactions: (locationId: number) => [...queryKeys.allTransactions(), locationId] as const,
  /** Every list page of a location's log; each key ends with its filters. */
  transactionLists: (locationId: number) =>
    [...queryKeys.transactions(locationId), 'list'] as const,
  /** A page of the log (its filters with `page` and `pageSize`), or the whole log (without). */
  transactionList: (locationId: number, filters: LogFilters | TransactionFilters) =>
    [...queryKeys.transactionLists(locationId), filters] as const,
  documentReceipts: (
    locationId: number,
    /** Null while no document is named: the query is skipped (skipToken), never sent. */
    documentId: number | null,
    type: number,
    startDate: string,
    endDate: string,
  ) =>
    [
      ...queryKeys.transactions(locationId),
      'document',
      documentId,
      type,
      startDate,
      endDate,
    ] as const,
  shift: (locationId: number, today: string) =>
    [...queryKeys.transactions(locationId), 'shift', today] as const,
  /** Kept apart from the log's keys: it holds one transaction, not a page. */
  printFollow: (locationId: number, transactionId: number | null) =>
    [...queryKeys.all, 'print-follow', locationId, transactionId] as const,
  /** Mutations share the tree, so devtools and `useIsMutating` filters find them by prefix. */
  mutations: {
    all: () => [...queryKeys.all, 'mutation'] as const,
    signIn: () => [...queryKeys.mutations.all(), 'sign-in'] as const,
    unlock: () => [...queryKeys.mutations.all(), 'unlock'] as const,
    print: (locationId: number) => [...queryKeys.mutations.all(), 'print', locationId] as const,
  },
}
