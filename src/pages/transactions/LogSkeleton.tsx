import { Skeleton, Stack } from '@mantine/core'
import { PageHeader } from '@/components/PageHeader'
import { useI18n } from '@/i18n'

/**
 * The log while it loads: its rows, and with `heading` the page's heading too, for as long as the
 * location (its name and zone) is not known: the one last shown here (logHeading.ts), or a
 * placeholder. Replaced whole when it is, so nothing painted moves.
 */
export function LogSkeleton({
  heading = false,
}: {
  heading?: boolean | { title: string; intro: string }
}) {
  const { t } = useI18n()
  const rows = (
    <Stack role="status" aria-busy="true" aria-label={t.log.loading}>
      {heading === true && (
        <Stack gap="xs">
          <Skeleton h={34} maw={320} />
          <Skeleton h={20} maw={560} />
        </Stack>
      )}
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} h={36} />
      ))}
    </Stack>
  )
  if (typeof heading !== 'object') return rows
  return (
    <Stack>
      <PageHeader title={heading.title} intro={heading.intro} />
      {rows}
    </Stack>
  )
}
