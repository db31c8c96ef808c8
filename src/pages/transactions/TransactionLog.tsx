import { Alert, Button, Group, Pagination, Stack, Text } from '@mantine/core'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { isApiError } from '@/api/errors'
import { myLocationsQuery } from '@/api/locations'
import {
  allTransactionsQuery,
  shiftQuery,
  transactionsQuery,
  type KkmTransaction,
} from '@/api/transactions'
import { MoneyTotals } from '@/components/MoneyTotals'
import { PageHeader } from '@/components/PageHeader'
import { onceEach, rowsOf } from '@/components/transactionRows'
import { TransactionTable } from '@/components/TransactionTable'
import { useI18n } from '@/i18n'
import { dayInZone, formatDay, formatTimeZoneName } from '@/i18n/format'
import { filtersLocally, openShiftStart, serverStatus } from '@/log/logParams'
import { shownLog } from '@/log/logRows'
import { moneyTotals } from '@/log/totals'
import { locationFormat, toDetails, toRow } from '@/log/view'
import { usePreference } from '@/preferences/store'
import { useSelectedLocation } from '@/session/selectedLocation'
import { ForbiddenLocation, QueryFailure } from '../QueryFailure'
import { useShortcuts } from '../shortcuts'
import { LogCount } from './LogCount'
import { useLogDialogs } from './logDialogs'
import { LogEmpty } from './LogEmpty'
import { useRememberLogHeading } from './logHeading'
import { LogNotes } from './LogNotes'
import { LogSkeleton } from './LogSkeleton'
import { LogToolbar } from './LogToolbar'
import { ShiftHeader } from './ShiftHeader'
import { UpdatedAgo } from './UpdatedAgo'
import { useCsvExport } from './useCsvExport'
import { useLiveInterval } from './useLiveLog'
import { useLogView } from './useLogView'
import type { PrintRequest } from './PrintFlow'

/** One location's log: the view the URL asks for, its read, the shift, and printing from it. */
export function TransactionLog({ locationId }: { locationId: number }) {
  const queryClient = useQueryClient()
  const { t, intlLocale, locale } = useI18n()
  const l = t.log
  const locations = useQuery(myLocationsQuery())
  const location = locations.data?.find((candidate) => candidate.id === locationId)
  const format = useMemo(
    () => locationFormat(location, { t, intlLocale }),
    [location, t, intlLocale],
  )
  const today = dayInZone(new Date(), format.timeZone)
  const day = (isoDay: string) => formatDay(isoDay, intlLocale)
  const { view, notes, update, dismissNotes, showToday, choosePageSize, virtualize } =
    useLogView(today)
  const [cashierMode] = usePreference('cashierMode')
  const [, setSelectedLocation] = useSelectedLocation()
  const filters = {
    startDate: view.startDate,
    endDate: view.endDate,
    type: view.type,
    status: serverStatus(view.statuses),
  }
  const [printRequest, setPrintRequest] = useState<PrintRequest | null>(null)
  const requestPrint = (target: PrintRequest['target']) =>
    setPrintRequest((last) => ({ id: (last?.id ?? 0) + 1, target }))

  useEffect(() => {
    if (location) setSelectedLocation(location.id)
  }, [location, setSelectedLocation])

  // Every row, or several statuses or a search (the API filters by one status, and by no text):
  // the whole range is read, and narrowed, sorted and paged here.
  const pageSize = view.pageSize === 'all' || filtersLocally(view) ? null : view.pageSize
  const readsWhole = pageSize === null
  const listOptions = readsWhole
    ? allTransactionsQuery(locationId, filters)
    : transactionsQuery(locationId, { ...filters, page: view.page, pageSize })
  const list = useQuery({
    ...listOptions,
    placeholderData: keepPreviousData,
    enabled: !locations.isPending,
    refetchInterval: useLiveInterval(locationId),
  })
  // The whole range, when a page was cut out of it: then the sort runs across every page.
  const whole = useQuery({ ...allTransactionsQuery(locationId, filters), enabled: false })
  const shiftStart = openShiftStart(
    useQuery({ ...shiftQuery(locationId, today), enabled: false }).data,
    format.timeZone,
  )
  const shown = useMemo(
    () => (list.data ? shownLog(view, list.data, readsWhole, whole.data, format.timeZone) : null),
    [list.data, view, readsWhole, whole.data, format.timeZone],
  )
  const sorted = useMemo(() => shown?.transactions ?? [], [shown])
  // Each row formatted once, when the table first shows it (a 10,000-row result is usable at
  // once), and kept through a new sort or page; a new read or language formats afresh.
  const readRow = useMemo(
    () => onceEach((transaction: KkmTransaction) => toRow(transaction, format)),
    [format],
  )
  const rows = useMemo(() => rowsOf(sorted, readRow), [sorted, readRow])
  // A new read of this view keeps the row in view; open details are no other view.
  const viewKey = JSON.stringify([locationId, { ...view, transactionId: null }])
  const byId = useMemo(
    () => new Map(sorted.map((transaction) => [transaction.id, transaction])),
    [sorted],
  )
  const total = shown?.total ?? 0
  const csv = useCsvExport(
    { id: locationId, title: location?.title ?? l.locationTitle(locationId) },
    filters,
    view.sort,
    format,
    list.isSuccess && rows.length === 0,
  )
  // The money of the rows shown; partial (and said so) when they are not the whole range.
  const totals = useMemo(() => (shown ? moneyTotals(sorted, shown) : null), [sorted, shown])
  const pageCount = shown?.pageCount ?? 1
  const opened = view.transactionId !== null ? byId.get(view.transactionId) : undefined
  // Each dialog is mounted when first wanted, then kept (a closing drawer animates out, a print is
  // followed to its outcome): mounted as soon as loaded, they blocked a tablet ~250 ms as the log came.
  const [detailsWanted, setDetailsWanted] = useState(false)
  if (opened !== undefined && !detailsWanted) setDetailsWanted(true)
  const dialogs = useLogDialogs({
    needed: opened !== undefined || printRequest !== null,
    soon: list.isSuccess,
  })

  const openPrint = (transaction: KkmTransaction) =>
    requestPrint({
      documentText: String(transaction.document.id),
      editable: false,
      operation: transaction.type.id === 1 ? 'return' : 'sale',
      source: transaction,
    })
  const printById = (id: number) => {
    const transaction = byId.get(id)
    if (transaction) openPrint(transaction)
  }
  /** The toolbar's Print receipt: the cashier types the document id (focused on open). */
  const openPrintForm = () =>
    requestPrint({ documentText: '', editable: true, operation: 'sale', source: null })
  /** As the Refresh button: nothing while the log is already loading. */
  const refresh = () => {
    if (list.isFetching) return
    // A page cut out of the whole log must not be cut from a copy read seconds ago.
    void queryClient
      .invalidateQueries({
        queryKey: allTransactionsQuery(locationId, filters).queryKey,
        refetchType: 'none',
      })
      .then(() => list.refetch())
  }

  // The API refuses this location's log: nothing here can be printed or exported.
  const forbidden = isApiError(list.error) && list.error.status === 403
  useShortcuts(forbidden ? { refresh } : { find: openPrintForm, print: openPrintForm, refresh })

  const title = location?.title ?? l.locationTitle(locationId)
  const intro = l.subtitle(formatTimeZoneName(format.timeZone, intlLocale))
  useRememberLogHeading(location ? { locationId, locale, title, intro } : null)
  const todayOnly = view.startDate === today && view.endDate === today
  const filtered = view.type !== null || view.statuses.length > 0 || view.search.trim() !== ''
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageHeader title={title} intro={intro} />
        {/* After the log: under the rate limit, the cashier's table comes first. */}
        {!forbidden && (
          <ShiftHeader
            locationId={locationId}
            format={format}
            today={today}
            enabled={list.isFetched}
          />
        )}
      </Group>

      {/* Only once the API has shown the log: before, it may yet refuse it (the 403 says all). */}
      {locations.isSuccess && !location && list.isSuccess && (
        <Alert color="yellow" title={l.notYoursTitle}>
          {l.notYours(locationId)}
        </Alert>
      )}
      <LogNotes notes={notes} onDismiss={dismissNotes} />

      {/* Cashier mode shows today: a link to other days says so, with the way back. */}
      {cashierMode && !todayOnly && (
        <Group gap="sm" role="status">
          <Text size="sm">{l.notToday(day(view.startDate), day(view.endDate))}</Text>
          <Button
            variant="light"
            size="xs"
            onClick={() => update({ startDate: today, endDate: today })}
          >
            {l.backToToday}
          </Button>
        </Group>
      )}

      <LogToolbar
        view={view}
        today={today}
        shiftStart={shiftStart}
        cashierMode={cashierMode}
        onChange={update}
        onPageSizeChange={choosePageSize}
        onRefresh={refresh}
        refreshing={list.isFetching && !list.isPending}
        onExport={() => void csv.exportCsv()}
        exporting={csv.exporting}
        exportDisabledReason={csv.disabledReason}
        onPrintReceipt={openPrintForm}
        blocked={forbidden}
      />

      {list.isPending ? (
        <LogSkeleton />
      ) : forbidden ? (
        <ForbiddenLocation locationId={locationId} listed={location !== undefined} />
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 || !shown ? (
        <LogEmpty
          startDate={view.startDate}
          endDate={view.endDate}
          filtered={filtered}
          todayOnly={todayOnly}
          onShowToday={showToday}
        />
      ) : (
        <>
          <LogCount shown={shown} rowCount={rows.length} pageSize={view.pageSize} />
          {/* Outside the live region: the count above is announced when rows come, not this. */}
          <UpdatedAgo at={list.dataUpdatedAt} />
          {totals && (
            <MoneyTotals
              totals={totals}
              currency={format.currency}
              title={title}
              from={day(view.startDate)}
              to={day(view.endDate)}
            />
          )}
          <TransactionTable
            rows={rows}
            totalCount={total}
            caption={l.caption(title, day(view.startDate), day(view.endDate))}
            sort={view.sort}
            onSortChange={(sort) => update({ sort }, { replace: true })}
            onOpenDetails={(id) => update({ transactionId: id })}
            onPrint={printById}
            virtualize={virtualize}
            touch={cashierMode}
            viewKey={viewKey}
          />
          {pageCount > 1 && (
            <Pagination
              total={pageCount}
              value={Math.min(view.page, pageCount)}
              onChange={(page) => {
                update({ page })
                // A new page starts at its top, not where the last one was left.
                document.documentElement.scrollTop = 0
              }}
              getControlProps={(control) => ({ 'aria-label': l.pageControl(control) })}
              getItemProps={(page) => ({ 'aria-label': l.page(page) })}
            />
          )}
        </>
      )}

      {dialogs && detailsWanted && (
        <dialogs.TransactionDetails
          details={opened ? toDetails(opened, format) : null}
          onClose={() => update({ transactionId: null }, { replace: true })}
          onPrint={printById}
        />
      )}
      {dialogs && printRequest !== null && (
        <dialogs.PrintFlow locationId={locationId} format={format} request={printRequest} />
      )}
    </Stack>
  )
}
