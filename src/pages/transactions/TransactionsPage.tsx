import { useQuery } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useParams } from 'react-router'
import { myLocationsQuery } from '@/api/locations'
import { ErrorNotice } from '@/components/ErrorNotice'
import { parseId } from '@/domain/ids'
import { useI18n } from '@/i18n'
import { useRememberedLogHeading } from './logHeading'
import { LogSkeleton } from './LogSkeleton'
import { TransactionLog } from './TransactionLog'

export function TransactionsPage() {
  const { locationId: raw } = useParams()
  const locationId = parseId(raw)
  const { t } = useI18n()
  const locations = useQuery({ ...myLocationsQuery(), enabled: locationId !== null })
  // Mounted in a background render React can pause for input, not in the one the answer triggers.
  const known = useDeferredValue(!locations.isPending)
  const remembered = useRememberedLogHeading(locationId)
  if (locationId === null) {
    return <ErrorNotice title={t.log.badIdTitle} message={t.log.badId(raw ?? '')} />
  }
  // The log's heading is the location's name and zone: until they are known, the one last shown
  // here or one placeholder, replaced whole, instead of a heading that grows and pushes the
  // toolbar and rows down (CLS).
  if (!known) return <LogSkeleton heading={remembered ?? true} />
  // A new location is a new log: its view, dialogs and print flow start afresh.
  return <TransactionLog key={locationId} locationId={locationId} />
}
