import { Box } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { shiftQuery } from '@/api/transactions'
import { ShiftStatus } from '@/components/ShiftStatus'
import { deriveShift, widestShift } from '@/log/shift'
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
  // The widest line a shift takes is laid out, unseen, under the one shown, from the first render:
  // the box is as wide and as tall as it will be, so the toolbar and the log below do not jump when
  // the shift arrives, on any screen and in either language.
  return (
    <Box style={{ display: 'grid' }}>
      <Box aria-hidden style={{ gridArea: '1 / 1', visibility: 'hidden' }}>
        <ShiftStatus shift={widestShift(format.timeZone, format)} unseen />
      </Box>
      <Box style={{ gridArea: '1 / 1' }}>
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
    </Box>
  )
}
