import { useParams } from 'react-router'
import { ErrorNotice } from '@/components/ErrorNotice'
import { parseId } from '@/domain/ids'
import { useI18n } from '@/i18n'
import { TransactionLog } from './TransactionLog'

export function TransactionsPage() {
  const { locationId: raw } = useParams()
  const locationId = parseId(raw)
  const { t } = useI18n()
  if (locationId === null) {
    return <ErrorNotice title={t.log.badIdTitle} message={t.log.badId(raw ?? '')} />
  }
  // A new location is a new log: its view, dialogs and print flow start afresh.
  return <TransactionLog key={locationId} locationId={locationId} />
}
