import { Alert, Badge, Group, Loader, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useI18n } from '@/i18n'
import classes from './ShiftStatus.module.css'

export type ShiftView =
  | { state: 'loading' }
  | { state: 'unknown'; reason: string }
  | { state: 'open'; since: string; duration: string; overdue: boolean }
  | { state: 'closed'; since: string | null }

/**
 * The register's shift, from the log's last opening and closing. `unseen`: only its box, to hold
 * its place; its words are drawn by CSS from an attribute, so no query or reader finds them.
 */
export function ShiftStatus({ shift, unseen = false }: { shift: ShiftView; unseen?: boolean }) {
  const { t } = useI18n()
  const s = t.shift
  const say = (words: string) =>
    unseen ? <span className={classes.unseen} data-words={words} /> : words
  if (shift.state === 'loading') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{s.checking}</Text>
      </Group>
    )
  }
  if (shift.state === 'unknown') {
    return (
      <Text size="sm" c="dimmed" role="status">
        {s.unknown(shift.reason)}
      </Text>
    )
  }
  if (shift.state === 'closed') {
    return (
      <Group gap="xs" role="status">
        <Badge color="gray" variant="light">
          {say(s.closed)}
        </Badge>
        <Text size="sm" c="dimmed">
          {say(shift.since ? s.since(shift.since) : s.noneOpened)}
        </Text>
      </Group>
    )
  }
  return (
    <Group gap="xs" role="status" align="flex-start">
      <Badge color={shift.overdue ? 'orange' : 'teal'} variant="light">
        {say(s.open)}
      </Badge>
      <Text size="sm">{say(s.openSince(shift.since, shift.duration))}</Text>
      {shift.overdue && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          p="xs"
          w="100%"
        >
          {s.overdue}
        </Alert>
      )}
    </Group>
  )
}
