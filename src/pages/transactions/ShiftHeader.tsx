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
  if (shift.isPending) return <ShiftStatus shift={{ state: 'loading' }} />
  if (shift.isError)
    return (
      <ShiftStatus shift={{ state: 'unknown', reason: describeError(shift.error, t).message }} />
    )
  return <ShiftStatus shift={deriveShift(shift.data, format.timeZone, undefined, format)} />
}
