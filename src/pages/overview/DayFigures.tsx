import '@mantine/core/styles/Table.css'
import { Group, List, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { IN_FLIGHT_STATUSES } from '@/api/transactions'
import { MoneyTotals } from '@/components/MoneyTotals'
import { StatusBadge } from '@/components/StatusBadge'
import { describeDuration } from '@/domain/durations'
import { useI18n } from '@/i18n'
import { formatCount, formatDay } from '@/i18n/format'
import { Figure, StatusFigure } from './Figure'
import { logHref } from './logHref'
import type { DaySummary } from './daySummary'

/** Stuck receipts listed one by one; beyond this, links to their statuses. */
const MAX_STUCK_LINKS = 5

/** A location's day in figures: its receipts by status, and what needs attention. */
export function DayFigures({
  summary,
  locationId,
  title,
  today,
  currency,
}: {
  summary: DaySummary
  locationId: number
  title: string
  today: string
  /** The location's `currency_short_title`, for the day's money. */
  currency: string | undefined
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
            <MoneyTotals
              totals={summary.money}
              currency={currency}
              title={title}
              from={formatDay(today, intlLocale)}
              to={formatDay(today, intlLocale)}
            />
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
                      <StatusFigure
                        entry={entry}
                        locationId={locationId}
                        today={today}
                        context={o.statusCount(entry.count, entry.label, title)}
                      >
                        {count(entry.count)}
                      </StatusFigure>
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
                  <StatusFigure
                    entry={entry}
                    locationId={locationId}
                    today={today}
                    context={o.at(title)}
                  >
                    {o.failed(entry.count, count(entry.count), entry.label)}
                  </StatusFigure>
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
                      expected: summary.byStatus.find(
                        (entry) => entry.statusId === receipt.statusId,
                      )?.count,
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
                        <StatusFigure
                          entry={entry}
                          locationId={locationId}
                          today={today}
                          context={o.at(title)}
                        >
                          {o.allInStatus(count(entry.count), entry.label)}
                        </StatusFigure>
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
