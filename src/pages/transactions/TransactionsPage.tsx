import {
  Alert,
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconPrinter, IconRefresh } from '@tabler/icons-react'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { myLocationsQuery } from '@/api/locations'
import {
  allTransactionsQuery,
  MAX_BULK_ROWS,
  shiftQuery,
  transactionsQuery,
  type KkmTransaction,
} from '@/api/transactions'
import { ErrorNotice } from '@/components/ErrorNotice'
import type { PrintBillDialog as PrintBillDialogComponent } from '@/components/PrintBillDialog'
import { ShiftStatus } from '@/components/ShiftStatus'
import type { TransactionDetails as TransactionDetailsDrawer } from '@/components/TransactionDetails'
import { CASHIER_ROW_HEIGHT, ROW_HEIGHT, TransactionTable } from '@/components/TransactionTable'
import { dayInZone, formatCount, formatDay } from '@/i18n/format'
import { useI18n, type Messages } from '@/i18n'
import { usePreference } from '@/preferences/store'
import { useSelectedLocation } from '@/session/selectedLocation'
import { describeError } from '../describeError'
import { QueryFailure } from '../QueryFailure'
import { parseId } from '@/domain/ids'
import { useShortcuts } from '../shell/shortcuts'
import {
  isIsoDay,
  PAGE_SIZES,
  parseLogParams,
  writeLogParams,
  type LogView,
  type PageSize,
} from '@/log/logParams'
import { deriveShift } from '@/log/shift'
import { usePrintFlow } from './usePrintFlow'
import {
  locationFormat,
  sortTransactions,
  toCsv,
  toDetails,
  toRow,
  type LocationFormat,
} from '@/log/view'
import { PageHeader } from '@/components/PageHeader'

/*
 * The details drawer and the print dialog stay out of the log's first load (together ~6 kB gzip
 * the 250 kB budget needed). They are fetched once the log is on screen and the browser is idle,
 * and rendered as plain components once here: React.lazy would suspend on the first click, and
 * React holds a suspended reveal back (up to 300 ms), so the first Details took ~950 ms instead
 * of ~300 in the bench.
 */
interface LogDialogs {
  TransactionDetails: typeof TransactionDetailsDrawer
  PrintBillDialog: typeof PrintBillDialogComponent
}
let loadedDialogs: LogDialogs | null = null
const loadDialogs = async (): Promise<LogDialogs> => {
  const [details, print] = await Promise.all([
    import('@/components/TransactionDetails'),
    import('@/components/PrintBillDialog'),
  ])
  return (loadedDialogs = {
    TransactionDetails: details.TransactionDetails,
    PrintBillDialog: print.PrintBillDialog,
  })
}

/** The dialogs: loaded at once when `needed`, in idle time when `soon`; null until they are in. */
function useLogDialogs({ needed, soon }: { needed: boolean; soon: boolean }): LogDialogs | null {
  const [dialogs, setDialogs] = useState(loadedDialogs)
  const [failure, setFailure] = useState<unknown>(null)
  // A chunk that cannot be fetched (offline) is the route's error, with its Reload button.
  if (failure && needed) throw failure
  useEffect(() => {
    if (dialogs || failure || !(needed || soon)) return
    let current = true
    const load = () =>
      void loadDialogs().then(
        (loaded) => current && setDialogs(loaded),
        (error: unknown) => current && setFailure(error),
      )
    if (needed || typeof requestIdleCallback !== 'function') {
      load()
      return () => void (current = false)
    }
    const handle = requestIdleCallback(load, { timeout: 2_000 })
    return () => {
      current = false
      cancelIdleCallback(handle)
    }
  }, [dialogs, failure, needed, soon])
  return dialogs
}

/** The filters' choices in the language shown: built once per catalogue, not per render. */
const filterOptions = new WeakMap<Messages, ReturnType<typeof buildFilterOptions>>()
function buildFilterOptions(t: Messages, intlLocale: string) {
  const f = t.log.filters
  return {
    types: [
      { value: '', label: f.allOperations },
      ...Object.entries(t.enums.operationType).map(([value, label]) => ({
        value,
        label: `${label} (${value})`,
      })),
    ],
    statuses: [
      { value: '', label: f.allStatuses },
      ...Object.entries(t.enums.printStatus).map(([value, label]) => ({ value, label })),
    ],
    sizes: [
      ...PAGE_SIZES.map((size) => ({ value: String(size), label: f.perPage(size) })),
      { value: 'all', label: f.all(formatCount(MAX_BULK_ROWS, intlLocale)) },
    ],
  }
}
function optionsFor(t: Messages, intlLocale: string) {
  let options = filterOptions.get(t)
  if (!options) filterOptions.set(t, (options = buildFilterOptions(t, intlLocale)))
  return options
}

function downloadCsv(fileName: string, csv: string) {
  // A BOM lets spreadsheet programs read the UTF-8 names and currency signs.
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

function Shift({
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

function TransactionLog({ locationId }: { locationId: number }) {
  const queryClient = useQueryClient()
  const { t, intlLocale } = useI18n()
  const l = t.log
  const options = optionsFor(t, intlLocale)
  const locations = useQuery(myLocationsQuery())
  const location = locations.data?.find((l) => l.id === locationId)
  const format = useMemo(
    () => locationFormat(location, { t, intlLocale }),
    [location, t, intlLocale],
  )
  const today = dayInZone(new Date(), format.timeZone)
  const day = (isoDay: string) => formatDay(isoDay, intlLocale)
  const [searchParams, setSearchParams] = useSearchParams()
  // The link's `size` wins; without one, the page size this browser last chose.
  const [rememberedPageSize, setRememberedPageSize] = usePreference('pageSize')
  const [cashierMode] = usePreference('cashierMode')
  const { view, notes } = useMemo(
    () => parseLogParams(searchParams, today, rememberedPageSize, t),
    [searchParams, today, rememberedPageSize, t],
  )
  const [, setSelectedLocation] = useSelectedLocation()
  const [exporting, setExporting] = useState(false)
  const print = usePrintFlow(locationId, format)

  useEffect(() => {
    if (location) setSelectedLocation(location.id)
  }, [location, setSelectedLocation])

  /** The view into the URL; `virtual=off` (a diagnostic, not part of the view) stays as it was. */
  const show = (next: LogView, replace: boolean) => {
    const params = writeLogParams(next, today, rememberedPageSize)
    const virtual = searchParams.get('virtual')
    if (virtual !== null) params.set('virtual', virtual)
    setSearchParams(params, { replace })
  }

  const update = (patch: Partial<LogView>, options: { replace?: boolean } = {}) => {
    // Changing what is shown starts again at page 1.
    const resetsPage = ['startDate', 'endDate', 'type', 'status', 'pageSize'].some(
      (key) => key in patch,
    )
    const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...patch }
    show(next, options.replace ?? false)
  }

  const filters = {
    startDate: view.startDate,
    endDate: view.endDate,
    type: view.type,
    status: view.status,
  }
  const listOptions =
    view.pageSize === 'all'
      ? allTransactionsQuery(locationId, filters)
      : transactionsQuery(locationId, { ...filters, page: view.page, pageSize: view.pageSize })
  const list = useQuery({
    ...listOptions,
    placeholderData: keepPreviousData,
    enabled: !locations.isPending,
  })

  const sorted = useMemo(
    () => (list.data ? sortTransactions(list.data.transactions, view.sort, format.timeZone) : []),
    [list.data, view.sort, format.timeZone],
  )
  const rows = useMemo(() => sorted.map((t) => toRow(t, format)), [sorted, format])
  const byId = useMemo(() => new Map(sorted.map((t) => [t.id, t])), [sorted])
  const total = list.data?.total ?? 0
  const exact = list.data?.exact ?? true
  const pageCount = view.pageSize === 'all' ? 1 : Math.max(1, Math.ceil(total / view.pageSize))
  const opened = view.transactionId !== null ? byId.get(view.transactionId) : undefined
  const dialogs = useLogDialogs({
    needed: opened !== undefined || print.dialog !== null,
    soon: list.isSuccess,
  })

  const openPrint = (transaction: KkmTransaction) =>
    print.open({
      documentText: String(transaction.document.id),
      editable: false,
      operation: transaction.type.id === 1 ? 'return' : 'sale',
      source: transaction,
    })
  /** The toolbar's Print receipt: the cashier types the document id (focused on open). */
  const openPrintForm = () =>
    print.open({ documentText: '', editable: true, operation: 'sale', source: null })
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

  useShortcuts({ find: openPrintForm, print: openPrintForm, refresh })

  const exportCsv = async () => {
    setExporting(true)
    try {
      const all = await queryClient.fetchQuery(allTransactionsQuery(locationId, filters))
      const csv = toCsv(
        sortTransactions(all.transactions, view.sort, format.timeZone).map((row) =>
          toRow(row, format),
        ),
        t,
      )
      downloadCsv(`kkm-transactions-${locationId}-${view.startDate}-${view.endDate}.csv`, csv)
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

  const title = location?.title ?? l.locationTitle(locationId)
  const todayOnly = view.startDate === today && view.endDate === today
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageHeader title={title} intro={l.subtitle(format.timeZone)} />
        {/* After the log: under the rate limit, the cashier's table comes first. */}
        <Shift locationId={locationId} format={format} today={today} enabled={list.isFetched} />
      </Group>

      {locations.isSuccess && !location && (
        <Alert color="yellow" title={l.notYoursTitle}>
          {l.notYours(locationId)}
        </Alert>
      )}
      {notes.length > 0 && (
        <Alert
          color="yellow"
          title={l.notesTitle}
          withCloseButton
          closeButtonLabel={t.common.dismiss}
          onClose={() => show(view, true)}
        >
          <Stack gap={2}>
            {notes.map((note) => (
              <Text size="sm" key={note}>
                {l.noteDefault(note)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

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

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={l.filters.region}>
        {!cashierMode && (
          <>
            <TextInput
              type="date"
              label={l.filters.from}
              value={view.startDate}
              max={view.endDate}
              onChange={(event) =>
                isIsoDay(event.currentTarget.value) &&
                update({ startDate: event.currentTarget.value })
              }
              w={160}
            />
            <TextInput
              type="date"
              label={l.filters.to}
              value={view.endDate}
              min={view.startDate}
              onChange={(event) =>
                isIsoDay(event.currentTarget.value) &&
                update({ endDate: event.currentTarget.value })
              }
              w={160}
            />
          </>
        )}
        <Select
          label={l.filters.operation}
          data={options.types}
          value={view.type === null ? '' : String(view.type)}
          onChange={(value) => update({ type: value ? (Number(value) as LogView['type']) : null })}
          allowDeselect={false}
          w={200}
        />
        <Select
          label={l.filters.status}
          data={options.statuses}
          value={view.status === null ? '' : String(view.status)}
          onChange={(value) =>
            update({ status: value ? (Number(value) as LogView['status']) : null })
          }
          allowDeselect={false}
          w={200}
        />
        <Select
          label={l.filters.pageSize}
          data={options.sizes}
          value={String(view.pageSize)}
          onChange={(value) => {
            if (!value) return
            const pageSize = (value === 'all' ? 'all' : Number(value)) as PageSize
            setRememberedPageSize(pageSize)
            update({ pageSize })
          }}
          allowDeselect={false}
          w={190}
        />
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={refresh}
          loading={list.isFetching && !list.isPending}
          aria-keyshortcuts="r"
        >
          {l.refresh}
        </Button>
        {/* An administrator's tool: not in cashier mode. */}
        {!cashierMode && (
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void exportCsv()}
            loading={exporting}
          >
            {l.exportCsv}
          </Button>
        )}
        <Button
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={openPrintForm}
          aria-keyshortcuts="p /"
        >
          {l.printReceipt}
        </Button>
      </Group>

      {list.isPending ? (
        <Stack role="status" aria-busy="true" aria-label={l.loading}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={36} />
          ))}
        </Stack>
      ) : list.isError ? (
        <QueryFailure error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Stack align="flex-start" gap="xs" role="status">
          <Text>{l.empty(day(view.startDate), day(view.endDate))}</Text>
          <Button variant="light" size="xs" onClick={() => setSearchParams(new URLSearchParams())}>
            {l.showToday}
          </Button>
        </Stack>
      ) : (
        <>
          <Group gap={6} role="status">
            <Badge variant="light">
              {exact ? '' : '≥ '}
              {formatCount(total, intlLocale)}
            </Badge>
            <Text size="sm">
              {exact ? l.found(total) : l.foundAtLeast(total)}
              {view.pageSize === 'all' && total > rows.length
                ? l.showingFirst(formatCount(rows.length, intlLocale))
                : ''}
              {view.pageSize !== 'all' && pageCount > 1 ? l.sortWithinPage : ''}
            </Text>
          </Group>
          <TransactionTable
            rows={rows}
            totalCount={total}
            caption={l.caption(title, day(view.startDate), day(view.endDate))}
            sort={view.sort}
            onSortChange={(sort) => update({ sort }, { replace: true })}
            onOpenDetails={(id) => update({ transactionId: id })}
            onPrint={(id) => {
              const transaction = byId.get(id)
              if (transaction) openPrint(transaction)
            }}
            virtualize={searchParams.get('virtual') !== 'off'}
            rowHeight={cashierMode ? CASHIER_ROW_HEIGHT : ROW_HEIGHT}
          />
          {pageCount > 1 && (
            <Pagination
              total={pageCount}
              value={Math.min(view.page, pageCount)}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': l.pageControl(control) })}
              getItemProps={(page) => ({ 'aria-label': l.page(page) })}
            />
          )}
        </>
      )}

      {dialogs && (
        <dialogs.TransactionDetails
          details={opened ? toDetails(opened, format) : null}
          onClose={() => update({ transactionId: null }, { replace: true })}
          onPrint={(id) => {
            const transaction = byId.get(id)
            if (transaction) openPrint(transaction)
          }}
        />
      )}
      {dialogs && print.dialog && (
        <dialogs.PrintBillDialog opened={print.opened} onClose={print.close} {...print.dialog} />
      )}
    </Stack>
  )
}

export function TransactionsPage() {
  const { locationId: raw } = useParams()
  const locationId = parseId(raw)
  const { t } = useI18n()
  if (locationId === null) {
    return <ErrorNotice title={t.log.badIdTitle} message={t.log.badId(raw ?? '')} />
  }
  return <TransactionLog key={locationId} locationId={locationId} />
}
