import { Card, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, type ReactNode } from 'react'
import type { Location } from '@/api/locations'
import { allTransactionsQuery } from '@/api/transactions'
import { useI18n } from '@/i18n'
import { dayInZone, formatDay } from '@/i18n/format'
import { locationFormat } from '@/log/view'
import { QueryFailure } from '../QueryFailure'
import { DayFigures } from './DayFigures'
import { summarizeDay } from './daySummary'
import { LocationShift } from './LocationShift'
import { shiftFromTodaysLog, timeOfDay } from './shiftSummary'

/** A live overview: each location's today is read again every minute (one request each). */
const REFRESH_MS = 60_000

/** One location: loads, fails and retries on its own. */
export function LocationCard({ location }: { location: Location }) {
  const headingId = useId()
  const { t, intlLocale } = useI18n()
  const o = t.overview
  const { timeZone } = locationFormat(location)
  const today = dayInZone(new Date(), timeZone)
  const title = location.title
  // Today's log through the log's own bulk read (api/transactions.ts), with the same cache key as
  // the log's "All" view of today. It asks for BULK_PAGE_SIZE (1,000) rows a page, the largest
  // page the console uses (the reference documents no maximum for editable_length): a location's
  // day fits on one page, so this is one request per location, and a further page is read only
  // when a page comes back full. Every request goes through the client's 5-a-second limiter.
  const log = useQuery({
    ...allTransactionsQuery(location.id, {
      startDate: today,
      endDate: today,
      type: null,
      status: null,
    }),
    refetchInterval: REFRESH_MS,
  })
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
    <Card component="section" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {o.day(
              formatDay(today, intlLocale),
              timeZone,
              readAt === null ? null : timeOfDay(new Date(readAt), timeZone),
            )}
          </Text>
        </div>
        {body}
      </Stack>
    </Card>
  )
}
