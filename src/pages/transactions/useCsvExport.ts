import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { allTransactionsQuery, type LogFilters } from '@/api/transactions'
import type { SortState } from '@/components/transactionRows'
import { useI18n } from '@/i18n'
import { formatCount } from '@/i18n/format'
import { sortTransactions, toCsv, toRow, type LocationFormat } from '@/log/view'
import { describeError } from '../describeError'
import { downloadCsv } from './downloadCsv'

/** The whole log for `filters` as a CSV download, in the order shown; the outcome is announced. */
export function useCsvExport(
  locationId: number,
  filters: LogFilters,
  sort: SortState,
  format: LocationFormat,
) {
  const queryClient = useQueryClient()
  const { t, intlLocale } = useI18n()
  const l = t.log
  const [exporting, setExporting] = useState(false)

  const exportCsv = async () => {
    setExporting(true)
    try {
      const all = await queryClient.fetchQuery(allTransactionsQuery(locationId, filters))
      const csv = toCsv(
        sortTransactions(all.transactions, sort, format.timeZone).map((transaction) =>
          toRow(transaction, format),
        ),
        t,
      )
      downloadCsv(`kkm-transactions-${locationId}-${filters.startDate}-${filters.endDate}.csv`, csv)
      notifications.show({
        color: 'teal',
        title: l.exportReady,
        message: l.exported(
          all.transactions.length,
          formatCount(all.transactions.length, intlLocale),
        ),
      })
    } catch (error) {
      const failure = describeError(error, t)
      notifications.show({
        color: 'red',
        title: l.exportFailed(failure.title),
        message: failure.message,
      })
    } finally {
      setExporting(false)
    }
  }

  return { exporting, exportCsv }
}
