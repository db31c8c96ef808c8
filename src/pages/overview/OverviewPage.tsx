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
import { allTransactionsQuery, IN_FLIGHT_STATUSES, shiftQuery } from '@/api/transactions'
import { ErrorNotice } from '@/components/ErrorNotice'
import { StatusBadge } from '@/components/StatusBadge'
import { dayInZone, formatCount } from '@/i18n/format'
import { currentMessages } from '@/i18n'
import { describeError } from '../describeError'
import { locationFormat } from '../transactions/view'
import {
  daysBefore,
  logHref,
  SHIFT_LOOK_BACK_DAYS,
  shiftFromTodaysLog,
  STUCK_AFTER_MS,
  summarizeDay,
  summarizeShift,
  timeOfDay,
  type DaySummary,
  type ShiftSummary,
  type StuckReceipt,
} from './summary'

/** Every string this page shows, in one place for the i18n catalogue to take over. */
const receipts = (n: number) => (n === 1 ? 'receipt' : 'receipts')
const minutes = (n: number) => (n >= 60 ? `${Math.floor(n / 60)} h ${n % 60} min` : `${n} min`)
const TEXT = {
  pageTitle: 'Overview',
  pageIntro: `Today at every location you manage, each in its own time zone. A receipt still “Sent for printing” or “Waiting for register” more than ${STUCK_AFTER_MS / 60_000} minutes after it was sent is stuck. Every figure opens the location’s log, filtered to match.`,
  loadingLocations: 'Loading your locations',
  noLocations: 'You manage no locations',
  noLocationsHint:
    'The API lists no location for this user. An administrator of the salon chain can give you access to its locations in Altegio.',
  day: (today: string, timeZone: string, readAt: string | null) =>
    `${today} · times in ${timeZone}${readAt ? ` · read at ${readAt}` : ''}`,
  loadingDay: (title: string) => `Loading today’s receipts at ${title}`,
  at: (title: string) => `at ${title}`,
  shiftOpen: (duration: string) => `Shift open for ${duration}`,
  shiftOverdue:
    'Open for more than 24 hours: fiscal rules require closing it with a Z-report on the register.',
  shiftClosed: (at: string) => `Shift closed at ${at}`,
  noShift: 'No shift today',
  shiftChecking: 'Checking the shift…',
  shiftUnknown: (reason: string) => `Shift unknown: ${reason}`,
  receiptsHeading: 'Today’s receipts',
  noReceipts: 'No receipts yet today: the location’s log for today is empty.',
  total: (n: number) => `${formatCount(n)} ${receipts(n)} today`,
  byStatusCaption: (title: string) => `Today’s receipts at ${title} by status`,
  statusColumn: 'Status',
  countColumn: 'Receipts',
  statusCount: (n: number, label: string, title: string) =>
    `${receipts(n)} with status ${label} at ${title}`,
  attentionHeading: 'Needs attention',
  nothingNeedsAttention: 'Nothing needs attention: no failed or stuck receipts today.',
  attentionSummary: (failed: number, stuck: number) =>
    `${formatCount(failed)} failed, ${formatCount(stuck)} stuck`,
  failed: (n: number, label: string) => `${formatCount(n)} failed ${receipts(n)} (${label})`,
  stuck: (receipt: StuckReceipt) =>
    `${receipt.document} stuck at “${receipt.statusLabel}” for ${minutes(receipt.minutes)}`,
  stuckContext: (receipt: StuckReceipt, title: string) => `(transaction ${receipt.id}) at ${title}`,
  moreStuck: (n: number) => `${formatCount(n)} more stuck; see`,
  allInStatus: (n: number, label: string) => `all ${formatCount(n)} “${label}” today`,
}

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
  if (shift.state === 'open') {
    return (
      <Stack gap={4}>
        <Figure
          to={logHref(locationId, { startDate: shift.openedOn, endDate: today, type: 4 })}
          context={TEXT.at(title)}
        >
          {TEXT.shiftOpen(shift.duration)}
        </Figure>
        {shift.overdue && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle
              size={16}
              aria-hidden
              color="var(--mantine-color-orange-text)"
              style={{ flexShrink: 0 }}
            />
            <Text size="sm">{TEXT.shiftOverdue}</Text>
          </Group>
        )}
      </Stack>
    )
  }
  if (shift.state === 'closed') {
    return (
      <Figure
        to={logHref(locationId, { startDate: today, endDate: today, type: 5 })}
        context={TEXT.at(title)}
      >
        {TEXT.shiftClosed(shift.at)}
      </Figure>
    )
  }
  // The openings of the period the shift was looked for in: none of them today.
  return (
    <Figure
      to={logHref(locationId, {
        startDate: daysBefore(today, SHIFT_LOOK_BACK_DAYS),
        endDate: today,
        type: 4,
      })}
      context={TEXT.at(title)}
    >
      {TEXT.noShift}
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
  // Only when today's log cannot tell: a shift opened on an earlier day may still be open.
  const lookBack = useQuery({
    ...shiftQuery(locationId, {
      startDate: daysBefore(today, SHIFT_LOOK_BACK_DAYS),
      endDate: today,
    }),
    enabled: fromLog === null,
  })
  const shift =
    fromLog ??
    (lookBack.data ? summarizeShift(lookBack.data, timeZone, today, lookBack.dataUpdatedAt) : null)
  if (shift) return <ShiftLine shift={shift} locationId={locationId} title={title} today={today} />
  if (lookBack.isError)
    return (
      <Text size="sm" c="dimmed">
        {TEXT.shiftUnknown(describeError(lookBack.error, currentMessages()).message)}
      </Text>
    )
  return (
    <Text size="sm" c="dimmed" role="status">
      {TEXT.shiftChecking}
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
  const day = { startDate: today, endDate: today }
  const needsAttention = summary.failedTotal + summary.stuck.length
  const moreStuck = summary.stuck.length - MAX_STUCK_LINKS
  return (
    <>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {TEXT.receiptsHeading}
        </Title>
        {summary.total === 0 ? (
          <Text size="sm">{TEXT.noReceipts}</Text>
        ) : (
          <>
            <Figure to={logHref(locationId, day)} context={TEXT.at(title)}>
              {TEXT.total(summary.total)}
            </Figure>
            <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" w="auto">
              <VisuallyHidden component="caption">{TEXT.byStatusCaption(title)}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{TEXT.statusColumn}</Table.Th>
                  <Table.Th scope="col">{TEXT.countColumn}</Table.Th>
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
                        formatCount(entry.count)
                      ) : (
                        <Figure
                          to={logHref(locationId, { ...day, status: entry.filter })}
                          context={TEXT.statusCount(entry.count, entry.label, title)}
                        >
                          {formatCount(entry.count)}
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
          {TEXT.attentionHeading}
        </Title>
        {needsAttention === 0 ? (
          <Text size="sm">{TEXT.nothingNeedsAttention}</Text>
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
                {TEXT.attentionSummary(summary.failedTotal, summary.stuck.length)}
              </Text>
            </Group>
            <List size="sm" spacing={4}>
              {summary.failed.map((entry) => (
                <List.Item key={`failed-${entry.statusId}`}>
                  {entry.filter === null ? (
                    TEXT.failed(entry.count, entry.label)
                  ) : (
                    <Figure
                      to={logHref(locationId, { ...day, status: entry.filter })}
                      context={TEXT.at(title)}
                    >
                      {TEXT.failed(entry.count, entry.label)}
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
                    context={TEXT.stuckContext(receipt, title)}
                  >
                    {TEXT.stuck(receipt)}
                  </Figure>
                </List.Item>
              ))}
              {moreStuck > 0 && (
                <List.Item>
                  {TEXT.moreStuck(moreStuck)}{' '}
                  {summary.byStatus
                    .filter((entry) => IN_FLIGHT_STATUSES.has(entry.statusId))
                    .map((entry, index) => (
                      <span key={entry.statusId}>
                        {index > 0 && ', '}
                        {entry.filter === null ? (
                          TEXT.allInStatus(entry.count, entry.label)
                        ) : (
                          <Figure
                            to={logHref(locationId, { ...day, status: entry.filter })}
                            context={TEXT.at(title)}
                          >
                            {TEXT.allInStatus(entry.count, entry.label)}
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
      log.data && readAt !== null ? summarizeDay(log.data.transactions, timeZone, readAt) : null,
    [log.data, timeZone, readAt],
  )
  const shiftFromLog = useMemo(
    () =>
      log.data && readAt !== null
        ? shiftFromTodaysLog(log.data.transactions, timeZone, today, readAt)
        : null,
    [log.data, timeZone, today, readAt],
  )

  let body: ReactNode
  if (log.isPending) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true" aria-label={TEXT.loadingDay(title)}>
        <Skeleton h={20} w="60%" />
        <Skeleton h={20} w="40%" />
        <Skeleton h={80} />
      </Stack>
    )
  } else if (log.isError) {
    const failure = describeError(log.error, currentMessages())
    body = (
      <ErrorNotice
        title={failure.title}
        message={failure.message}
        details={failure.details}
        onRetry={failure.retryable ? () => void log.refetch() : undefined}
      />
    )
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
            {TEXT.day(
              today,
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

  let content: ReactNode
  if (locations.isPending) {
    content = (
      <SimpleGrid
        cols={{ base: 1, lg: 2 }}
        role="status"
        aria-busy="true"
        aria-label={TEXT.loadingLocations}
      >
        {Array.from({ length: 2 }, (_, i) => (
          <Skeleton key={i} h={220} />
        ))}
      </SimpleGrid>
    )
  } else if (locations.isError) {
    const failure = describeError(locations.error, currentMessages())
    content = (
      <ErrorNotice
        title={failure.title}
        message={failure.message}
        details={failure.details}
        onRetry={failure.retryable ? () => void locations.refetch() : undefined}
      />
    )
  } else if (locations.data.length === 0) {
    content = (
      <Stack gap={4} role="status">
        <Text fw={500}>{TEXT.noLocations}</Text>
        <Text size="sm">{TEXT.noLocationsHint}</Text>
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
      <div>
        <Title order={1} size="h2">
          {TEXT.pageTitle}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {TEXT.pageIntro}
        </Text>
      </div>
      {content}
    </Stack>
  )
}
