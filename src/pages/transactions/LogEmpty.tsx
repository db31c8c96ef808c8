import { Button, Stack, Text } from '@mantine/core'
import { useI18n } from '@/i18n'
import { formatDay } from '@/i18n/format'

/**
 * An empty log says only what is true: "match these filters" when some are set, and offers
 * the way to today only where it leads somewhere.
 */
export function LogEmpty({
  startDate,
  endDate,
  filtered,
  todayOnly,
  onShowToday,
}: {
  startDate: string
  endDate: string
  filtered: boolean
  todayOnly: boolean
  onShowToday: () => void
}) {
  const { t, intlLocale } = useI18n()
  const l = t.log
  const from = formatDay(startDate, intlLocale)
  const to = formatDay(endDate, intlLocale)
  return (
    <Stack align="flex-start" gap="xs" role="status">
      <Text>
        {filtered ? l.empty(from, to) : todayOnly ? l.emptyToday : l.emptyRange(from, to)}
      </Text>
      {(filtered || !todayOnly) && (
        <Button variant="light" size="xs" onClick={onShowToday}>
          {todayOnly ? l.clearFilters : l.showToday}
        </Button>
      )}
    </Stack>
  )
}
