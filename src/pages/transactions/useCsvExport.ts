import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { allTransactionsQuery, type LogFilters } from '@/api/transactions'
import { showToast } from '@/components/toasts'
import type { SortState } from '@/components/transactionRows'
import { useI18n } from '@/i18n'
import { formatCount } from '@/i18n/format'
import { csvDialect, toCsv, type CsvLocation } from '@/log/csv'
import { sortTransactions, type LocationFormat } from '@/log/view'
import { describeError } from '../describeError'
import { downloadCsv } from './downloadCsv'

/**
 * The whole log for `filters` as a CSV download in the language shown (its separator and decimal
 * mark), in the order shown; the outcome is announced. `empty`: the log shown has no rows, so
 * there is nothing to export — `disabledReason` says so, for the button and its description.
 */
export function useCsvExport(
  location: CsvLocation,
  filters: LogFilters,
  sort: SortState,
  format: LocationFormat,
  empty: boolean,
) {
  const queryClient = useQueryClient()
  const { t, intlLocale } = useI18n()
  const l = t.log
  const [exporting, setExporting] = useState(false)
  const disabledReason = empty ? t.csv.nothing : null

  const exportCsv = async () => {
    if (disabledReason) return
    setExporting(true)
    try {
      const all = await queryClient.fetchQuery(allTransactionsQuery(location.id, filters))
      // The log may have emptied since it was shown: an empty file would only be a header.
      if (all.transactions.length === 0) {
        showToast({ color: 'yellow', message: t.csv.nothing })
        return
      }
      const csv = toCsv(sortTransactions(all.transactions, sort, format.timeZone), {
        location,
        format,
        dialect: csvDialect(intlLocale),
        t,
      })
      downloadCsv(
        `kkm-transactions-${location.id}-${filters.startDate}-${filters.endDate}.csv`,
        csv,
      )
      showToast({
        color: 'teal',
        title: l.exportReady,
        message: l.exported(
          all.transactions.length,
          formatCount(all.transactions.length, intlLocale),
        ),
      })
    } catch (error) {
      const failure = describeError(error, t)
      showToast({
        color: 'red',
        title: l.exportFailed(failure.title),
        message: failure.message,
      })
    } finally {
      setExporting(false)
    }
  }

  return { exporting, exportCsv, disabledReason }
}
