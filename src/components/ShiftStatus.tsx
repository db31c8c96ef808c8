import { Alert, Badge, Group, Loader, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

export type ShiftView =
  | { state: 'loading' }
  | { state: 'unknown'; reason: string }
  | { state: 'open'; since: string; duration: string; overdue: boolean }
  | { state: 'closed'; since: string | null }

/** The register's shift, from the log's last opening and closing. */
export function ShiftStatus({ shift }: { shift: ShiftView }) {
  if (shift.state === 'loading') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Checking the shift…</Text>
      </Group>
    )
  }
  if (shift.state === 'unknown') {
    return (
      <Text size="sm" c="dimmed" role="status">
        Shift state unknown: {shift.reason}
      </Text>
    )
  }
  if (shift.state === 'closed') {
    return (
      <Group gap="xs" role="status">
        <Badge color="gray" variant="light">
          Shift closed
        </Badge>
        <Text size="sm" c="dimmed">
          {shift.since ? `since ${shift.since}` : 'no shift opened in the last 30 days'}
        </Text>
      </Group>
    )
  }
  return (
    <Group gap="xs" role="status" align="flex-start">
      <Badge color={shift.overdue ? 'orange' : 'teal'} variant="light">
        Shift open
      </Badge>
      <Text size="sm">
        since {shift.since} ({shift.duration})
      </Text>
      {shift.overdue && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          p="xs"
          w="100%"
        >
          The shift has been open for more than 24 hours. Fiscal rules require closing it: print a
          Z-report on the register.
        </Alert>
      )}
    </Group>
  )
}
