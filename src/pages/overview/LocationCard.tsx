import '@mantine/core/styles/Card.css'
import { Card, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useMemo, type ReactNode } from 'react'
import type { Location } from '@/api/locations'
import { useI18n } from '@/i18n'
import { formatDay, formatTimeZoneName } from '@/i18n/format'
import { locationFormat } from '@/log/view'
import { QueryFailure } from '../QueryFailure'
import { DayFigures } from './DayFigures'
import { summarizeDay } from './daySummary'
import { LocationShift } from './LocationShift'
import { cachedDay, dayQuery, todayAt } from './readOverview'
import { shiftFromTodaysLog, timeOfDay } from './shiftSummary'
import type { TrackCard } from './useReadQueue'

/** A live overview: each location's today is read again every minute (one request each). */
const REFRESH_MS = 60_000

/**
 * One location: loads, fails and retries on its own, when the page's read queue lets it
 * (useReadQueue.ts); it tells the queue once its day is read or has failed.
 */
export function LocationCard({
  location,
  mayRead = true,
  track,
  onSettled,
}: {
  location: Location
  /** False while other locations read first: the card waits, sending nothing. */
  mayRead?: boolean
  /** The queue's watch on the card's element (is it on screen?). */
  track?: TrackCard
  onSettled?: (id: number) => void
}) {
  const headingId = useId()
  const { t, intlLocale } = useI18n()
  const o = t.overview
  const { timeZone } = locationFormat(location)
  const today = todayAt(location)
  const title = location.title
  // Today's log through the log's own bulk read (api/transactions.ts), with the same cache key as
  // the log's "All" view of today. It asks for BULK_PAGE_SIZE (1,000) rows a page, the largest
  // page the console uses (the reference documents no maximum for editable_length): a location's
  // day fits on one page, so this is one request per location; a further page is read only when
  // what the server has shown of itself cannot tell that page is all (logReader.ts). Every
  // request goes through the client's 5-a-second limiter, and the page's queue lets only a
  // second's worth of cards read at once, those on screen first.
  const client = useQueryClient()
  const log = useQuery({
    ...dayQuery(location.id, today),
    // What the log page already read of today, when it is the whole day: no request for it.
    initialData: () => cachedDay(client, location.id, today)?.data,
    initialDataUpdatedAt: () => cachedDay(client, location.id, today)?.updatedAt,
    refetchInterval: REFRESH_MS,
    enabled: mayRead,
  })
  const settled = !log.isPending
  useEffect(() => {
    if (settled) onSettled?.(location.id)
  }, [settled, onSettled, location.id])
  const ref = useMemo(() => track?.(location.id), [track, location.id])
  // Figures are of the moment the log was read: a receipt's age and the shift's length count from then.
  const readAt = log.isSuccess ? log.dataUpdatedAt : null
  const summary = useMemo(
    () =>
      log.data && readAt !== null
        ? summarizeDay(log.data.transactions, timeZone, readAt, { t, intlLocale }, log.data)
        : null,
    [log.data, timeZone, readAt, t, intlLocale],
  )
  const shiftFromLog = useMemo(
    () =>
      log.data && readAt !== null
        ? shiftFromTodaysLog(log.data.transactions, timeZone, today, readAt, { t, intlLocale })
        : null,
    [log.data, timeZone, today, readAt, t, intlLocale],
  )

  let body: ReactNode
  if (log.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label={o.loadingDay(title)}>
        <Skeleton h={20} w="60%" />
        <Skeleton h={20} w="40%" />
        <Skeleton h={80} />
      </Stack>
    )
  } else if (log.isError) {
    body = <QueryFailure error={log.error} onRetry={() => void log.refetch()} />
  } else if (summary) {
    body = (
      <>
        <LocationShift
          locationId={location.id}
          title={title}
          today={today}
          timeZone={timeZone}
          fromLog={shiftFromLog}
        />
        <DayFigures
          summary={summary}
          locationId={location.id}
          title={title}
          today={today}
          currency={location.currency_short_title}
        />
      </>
    )
  }

  return (
    <Card component="section" ref={ref} withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {o.day(
              formatDay(today, intlLocale),
              formatTimeZoneName(timeZone, intlLocale),
              readAt === null ? null : timeOfDay(new Date(readAt), timeZone),
            )}
          </Text>
        </div>
        {body}
      </Stack>
    </Card>
  )
}
