import { Box } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { shiftQuery } from '@/api/transactions'
import { ShiftStatus } from '@/components/ShiftStatus'
import { deriveShift } from '@/log/shift'
import type { LocationFormat } from '@/log/view'
import { describeError } from '../describeError'

/** The location's shift beside the log's title; read only once `enabled`. */
export function ShiftHeader({
  locationId,
  format,
  today,
  enabled,
}: {
  locationId: number
  format: LocationFormat
  today: string
  enabled: boolean
}) {
  const { t } = format
  const shift = useQuery({
    ...shiftQuery(locationId, today),
    enabled,
  })
  // Two lines from the start, as the badge and the time take on a narrow screen once the shift
  // is known: the toolbar and the log below do not jump when it arrives.
  return (
    <Box mih="3.125rem">
      <ShiftStatus
        shift={
          shift.isPending
            ? { state: 'loading' }
            : shift.isError
              ? { state: 'unknown', reason: describeError(shift.error, t).message }
              : deriveShift(shift.data, format.timeZone, undefined, format)
        }
      />
    </Box>
  )
}
