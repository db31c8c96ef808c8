import { Text } from '@mantine/core'
import { useI18n } from '@/i18n'
import { useSecondsSince } from './useLiveLog'

/**
 * "Updated 20 s ago", recomputed on its own (the log around it does not re-render for it), and
 * in no live region: a screen reader is told of new rows by the count, not of every tick.
 */
export function UpdatedAgo({ at }: { at: number }) {
  const { t } = useI18n()
  const seconds = useSecondsSince(at)
  if (seconds === null) return null
  return (
    <Text size="xs" c="dimmed">
      {t.log.updatedAgo(seconds)}
    </Text>
  )
}
