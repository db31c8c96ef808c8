import { queryOptions, skipToken } from '@tanstack/react-query'
import { queryKeys } from './keys'
import { findTransaction, isTerminalStatus, type KkmTransaction } from './transactions'
import type { Found } from './logSearch'

/** A printed receipt being followed: the transaction the print created, and its day at the location. */
export interface FollowedReceipt {
  transaction: KkmTransaction
  /** `YYYY-MM-DD` in the location's calendar: the log is searched on that day only. */
  day: string
}

/**
 * A new receipt's transaction, polled until its status is final (1, or 0, 3, 4). Null follows
 * nothing: `skipToken`, so no request and no placeholder id that could match a real one.
 */
export const printFollowQuery = (
  locationId: number,
  followed: FollowedReceipt | null,
  pollMs: number,
) => {
  const queryKey = queryKeys.printFollow(locationId, followed?.transaction.id ?? null)
  return queryOptions({
    queryKey,
    queryFn: followed
      ? ({ signal, client }) =>
          // Where it was found last time is where it is most likely still (the log may run oldest first).
          findTransaction(
            locationId,
            followed.transaction,
            followed.day,
            client.getQueryData<Found | null>(queryKey)?.page ?? null,
            signal,
          )
      : skipToken,
    refetchInterval: (query) => {
      const latest = query.state.data?.transaction
      return latest && isTerminalStatus(latest.status.id) ? false : pollMs
    },
    refetchIntervalInBackground: true,
    staleTime: 0,
    // One follow-up, one owner: nothing else reads it once the follow ends.
    gcTime: 0,
  })
}
