import { Badge, Group, Text } from '@mantine/core'
import { useI18n } from '@/i18n'
import { formatCount } from '@/i18n/format'
import type { LogView } from '@/log/logParams'
import type { ShownLog } from '@/log/logRows'

/** How many rows match, "at least" where the server's count cannot be the total, and what of them is shown. */
export function LogCount({
  shown,
  rowCount,
  pageSize,
}: {
  shown: ShownLog
  rowCount: number
  pageSize: LogView['pageSize']
}) {
  const { t, intlLocale } = useI18n()
  const l = t.log
  const { total, exact } = shown
  return (
    <Group gap={6} role="status">
      <Badge variant="light">
        {exact ? '' : '≥ '}
        {formatCount(total, intlLocale)}
      </Badge>
      <Text size="sm">
        {exact ? l.found(total) : l.foundAtLeast(total)}
        {pageSize === 'all' && total > rowCount
          ? l.showingFirst(formatCount(rowCount, intlLocale))
          : ''}
        {shown.searchedOnly != null
          ? l.searchedFirst(formatCount(shown.searchedOnly, intlLocale))
          : ''}
        {!shown.sortedAcrossPages && shown.pageCount > 1 ? l.sortWithinPage : ''}
      </Text>
    </Group>
  )
}
