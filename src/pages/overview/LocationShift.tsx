import { Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { shiftQuery, shiftRange } from '@/api/transactions'
import { useI18n } from '@/i18n'
import { describeError } from '../describeError'
import { Figure } from './Figure'
import { logHref } from './logHref'
import { summarizeShift, type ShiftSummary } from './shiftSummary'

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

/** A location's shift: from today's log when it tells, else from a look back over earlier days. */
export function LocationShift({
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
