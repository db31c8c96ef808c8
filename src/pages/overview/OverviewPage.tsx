import {
  Anchor,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, type ReactNode } from 'react'
import { Link } from 'react-router'
import { myLocationsQuery, type Location } from '@/api/locations'
import {
  allTransactionsQuery,
  IN_FLIGHT_STATUSES,
  shiftQuery,
  shiftRange,
} from '@/api/transactions'
import { StatusBadge } from '@/components/StatusBadge'
import { dayInZone, formatCount, formatDay } from '@/i18n/format'
import { useI18n } from '@/i18n'
import { describeError } from '../describeError'
import { QueryFailure } from '../QueryFailure'
import { locationFormat } from '@/log/view'
import {
  logHref,
  shiftFromTodaysLog,
  STUCK_AFTER_MS,
  summarizeDay,
  summarizeShift,
  timeOfDay,
  type DaySummary,
  type ShiftSummary,
} from './summary'
import { PageHeader } from '@/components/PageHeader'
import { describeDuration } from '@/domain/durations'

/** Stuck receipts listed one by one; beyond this, links to their statuses. */
const MAX_STUCK_LINKS = 5
/** A live overview: each location's today is read again every minute (one request each). */
const REFRESH_MS = 60_000

/** A figure: a link into the log, named by what it counts and where (the context is read, not shown). */
function Figure({ to, context, children }: { to: string; context: string; children: ReactNode }) {
  return (
    // Always underlined: a figure is a link by its shape, not only by its colour.
    <Anchor component={Link} to={to} fw={500} underline="always">
      {/* The space outside the hidden part: name computation trims each element's text. */}
      {children} <VisuallyHidden>{context}</VisuallyHidden>
    </Anchor>
  )
}

function ShiftLine({
  shift,
  locationId,
  title,
  today,
}: {
  shift: ShiftSummary
  locationId: number
  title: string
  today: string
}) {
  const o = useI18n().t.overview
  if (shift.state === 'open') {
    return (
      <Stack gap={4}>
        <Figure
          to={logHref(locationId, { startDate: shift.openedOn, endDate: today, type: 4 })}
          context={o.at(title)}
        >
          {o.shiftOpen(shift.duration)}
        </Figure>
        {shift.overdue && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle
              size={16}
              aria-hidden
              color="var(--mantine-color-orange-text)"
              style={{ flexShrink: 0 }}
            />
            <Text size="sm">{o.shiftOverdue}</Text>
          </Group>
        )}
      </Stack>
    )
  }
  if (shift.state === 'closed') {
    return (
      <Figure
        to={logHref(locationId, { startDate: today, endDate: today, type: 5 })}
        context={o.at(title)}
      >
        {o.shiftClosed(shift.at)}
      </Figure>
    )
  }
  // The openings of the period the shift was looked for in: none of them today.
  return (
    <Figure to={logHref(locationId, { ...shiftRange(today), type: 4 })} context={o.at(title)}>
      {o.noShift}
    </Figure>
  )
}

function Shift({
  locationId,
  title,
  today,
  timeZone,
  fromLog,
}: {
  locationId: number
  title: string
  today: string
  timeZone: string
  /** The shift read from today's log; null when it holds no opening or closing. */
  fromLog: ShiftSummary | null
}) {
  const language = useI18n()
  // Only when today's log cannot tell: a shift opened on an earlier day may still be open.
  const lookBack = useQuery({
    ...shiftQuery(locationId, today),
    enabled: fromLog === null,
  })
  const shift =
    fromLog ??
    (lookBack.data
      ? summarizeShift(lookBack.data, timeZone, today, lookBack.dataUpdatedAt, language)
      : null)
  if (shift) return <ShiftLine shift={shift} locationId={locationId} title={title} today={today} />
  if (lookBack.isError)
    return (
      <Text size="sm" c="dimmed">
        {language.t.overview.shiftUnknown(describeError(lookBack.error, language.t).message)}
      </Text>
    )
  return (
    <Text size="sm" c="dimmed" role="status">
      {language.t.overview.shiftChecking}
    </Text>
  )
}

function DayFigures({
  summary,
  locationId,
  title,
  today,
}: {
  summary: DaySummary
  locationId: number
  title: string
  today: string
}) {
  const { t, intlLocale } = useI18n()
  const o = t.overview
  const count = (n: number) => formatCount(n, intlLocale)
  const day = { startDate: today, endDate: today }
  const needsAttention = summary.failedTotal + summary.stuck.length
  const moreStuck = summary.stuck.length - MAX_STUCK_LINKS
  return (
    <>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {o.receiptsHeading}
        </Title>
        {summary.total === 0 ? (
          <Text size="sm">{o.noReceipts}</Text>
        ) : (
          <>
            <Figure
              to={logHref(locationId, { ...day, expected: summary.total })}
              context={o.at(title)}
            >
              {o.total(summary.total, count(summary.total))}
            </Figure>
            <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" w="auto">
              <VisuallyHidden component="caption">{o.byStatusCaption(title)}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{o.statusColumn}</Table.Th>
                  <Table.Th scope="col">{o.countColumn}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.byStatus.map((entry) => (
                  <Table.Tr key={entry.statusId}>
                    <Table.Th scope="row" fw="normal">
                      <StatusBadge tone={entry.tone} label={entry.label} />
                    </Table.Th>
                    <Table.Td>
                      {entry.filter === null ? (
                        count(entry.count)
                      ) : (
                        <Figure
                          to={logHref(locationId, {
                            ...day,
                            status: entry.filter,
                            expected: entry.count,
                          })}
                          context={o.statusCount(entry.count, entry.label, title)}
                        >
                          {count(entry.count)}
                        </Figure>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3} size="h5">
          {o.attentionHeading}
        </Title>
        {needsAttention === 0 ? (
          <Text size="sm">{o.nothingNeedsAttention}</Text>
        ) : (
          <>
            <Group gap={6} wrap="nowrap">
              <IconAlertTriangle
                size={16}
                aria-hidden
                color="var(--mantine-color-red-text)"
                style={{ flexShrink: 0 }}
              />
              <Text size="sm" fw={500}>
                {o.attentionSummary(count(summary.failedTotal), count(summary.stuck.length))}
              </Text>
            </Group>
            <List size="sm" spacing={4}>
              {summary.failed.map((entry) => (
                <List.Item key={`failed-${entry.statusId}`}>
                  {entry.filter === null ? (
                    o.failed(entry.count, count(entry.count), entry.label)
                  ) : (
                    <Figure
                      to={logHref(locationId, {
                        ...day,
                        status: entry.filter,
                        expected: entry.count,
                      })}
                      context={o.at(title)}
                    >
                      {o.failed(entry.count, count(entry.count), entry.label)}
                    </Figure>
                  )}
                </List.Item>
              ))}
              {summary.stuck.slice(0, MAX_STUCK_LINKS).map((receipt) => (
                <List.Item key={`stuck-${receipt.id}`}>
                  <Figure
                    // The log filtered to the receipt's status with its details open; a page
                    // large enough that the receipt is on it.
                    to={logHref(locationId, {
                      ...day,
                      status: receipt.statusId,
                      transactionId: receipt.id,
                      expected: summary.byStatus.find((s) => s.statusId === receipt.statusId)
                        ?.count,
                    })}
                    context={o.stuckContext(receipt.id, title)}
                  >
                    {o.stuck(
                      receipt.document,
                      receipt.statusLabel,
                      describeDuration(receipt.minutes * 60_000, t.shift),
                    )}
                  </Figure>
                </List.Item>
              ))}
              {moreStuck > 0 && (
                <List.Item>
                  {o.moreStuck(count(moreStuck))}{' '}
                  {summary.byStatus
                    .filter((entry) => IN_FLIGHT_STATUSES.has(entry.statusId))
                    .map((entry, index) => (
                      <span key={entry.statusId}>
                        {index > 0 && ', '}
                        {entry.filter === null ? (
                          o.allInStatus(count(entry.count), entry.label)
                        ) : (
                          <Figure
                            to={logHref(locationId, {
                              ...day,
                              status: entry.filter,
                              expected: entry.count,
                            })}
                            context={o.at(title)}
                          >
                            {o.allInStatus(count(entry.count), entry.label)}
                          </Figure>
                        )}
                      </span>
                    ))}
                </List.Item>
              )}
            </List>
          </>
        )}
      </Stack>
    </>
  )
}

/** One location: loads, fails and retries on its own. */
function LocationCard({ location }: { location: Location }) {
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
        ? summarizeDay(log.data.transactions, timeZone, readAt, { t, intlLocale })
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
        <Shift
          locationId={location.id}
          title={title}
          today={today}
          timeZone={timeZone}
          fromLog={shiftFromLog}
        />
        <DayFigures summary={summary} locationId={location.id} title={title} today={today} />
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

export function OverviewPage() {
  const locations = useQuery(myLocationsQuery())
  const { t } = useI18n()
  const o = t.overview

  let content: ReactNode
  if (locations.isPending) {
    content = (
      <SimpleGrid
        cols={{ base: 1, lg: 2 }}
        role="status"
        aria-busy="true"
        aria-label={o.loadingLocations}
      >
        {Array.from({ length: 2 }, (_, i) => (
          <Skeleton key={i} h={220} />
        ))}
      </SimpleGrid>
    )
  } else if (locations.isError) {
    content = <QueryFailure error={locations.error} onRetry={() => void locations.refetch()} />
  } else if (locations.data.length === 0) {
    content = (
      <Stack gap={4} role="status">
        <Text fw={500}>{o.noLocations}</Text>
        <Text size="sm">{o.noLocationsHint}</Text>
      </Stack>
    )
  } else {
    content = (
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {locations.data.map((location) => (
          <LocationCard key={location.id} location={location} />
        ))}
      </SimpleGrid>
    )
  }

  return (
    <Stack>
      <PageHeader title={o.title} intro={o.intro(STUCK_AFTER_MS / 60_000)} />
      {content}
    </Stack>
  )
}
