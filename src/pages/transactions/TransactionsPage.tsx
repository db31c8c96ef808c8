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
  Title,
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
import { PrintBillDialog } from '@/components/PrintBillDialog'
import { ShiftStatus } from '@/components/ShiftStatus'
import { TransactionDetails } from '@/components/TransactionDetails'
import { CASHIER_ROW_HEIGHT, ROW_HEIGHT, TransactionTable } from '@/components/TransactionTable'
import { dayInZone, formatCount } from '@/i18n/format'
import { OPERATION_TYPE_LABELS, PRINT_STATUS_LABELS } from '@/i18n/labels'
import { usePreference } from '@/preferences/store'
import { useSelectedLocation } from '@/session/selectedLocation'
import { describeError } from '../describeError'
import { parseId } from '../parseId'
import { useShortcuts } from '../shell/shortcuts'
import {
  isIsoDay,
  PAGE_SIZES,
  parseLogParams,
  writeLogParams,
  type LogView,
  type PageSize,
} from './logParams'
import { deriveShift } from './shift'
import { usePrintFlow } from './usePrintFlow'
import {
  locationFormat,
  sortTransactions,
  toCsv,
  toDetails,
  toRow,
  type LocationFormat,
} from './view'

const TYPE_OPTIONS = [
  { value: '', label: 'All operations' },
  ...Object.entries(OPERATION_TYPE_LABELS).map(([value, label]) => ({
    value,
    label: `${label} (${value})`,
  })),
]
const STATUS_OPTIONS = [
  { value: '', label: 'All statuses' },
  ...Object.entries(PRINT_STATUS_LABELS).map(([value, label]) => ({ value, label })),
]
const SIZE_OPTIONS = [
  ...PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} per page` })),
  { value: 'all', label: `All (up to ${formatCount(MAX_BULK_ROWS)})` },
]

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
  const start = new Date(`${today}T00:00:00Z`)
  start.setUTCDate(start.getUTCDate() - 30)
  const shift = useQuery({
    ...shiftQuery(locationId, { startDate: start.toISOString().slice(0, 10), endDate: today }),
    enabled,
  })
  if (shift.isPending) return <ShiftStatus shift={{ state: 'loading' }} />
  if (shift.isError)
    return <ShiftStatus shift={{ state: 'unknown', reason: describeError(shift.error).message }} />
  return <ShiftStatus shift={deriveShift(shift.data, format.timeZone)} />
}

function TransactionLog({ locationId }: { locationId: number }) {
  const queryClient = useQueryClient()
  const locations = useQuery(myLocationsQuery())
  const location = locations.data?.find((l) => l.id === locationId)
  const format = useMemo(() => locationFormat(location), [location])
  const today = dayInZone(new Date(), format.timeZone)
  const [searchParams, setSearchParams] = useSearchParams()
  // The link's `size` wins; without one, the page size this browser last chose.
  const [rememberedPageSize, setRememberedPageSize] = usePreference('pageSize')
  const [cashierMode] = usePreference('cashierMode')
  const { view, notes } = useMemo(
    () => parseLogParams(searchParams, today, rememberedPageSize),
    [searchParams, today, rememberedPageSize],
  )
  const [, setSelectedLocation] = useSelectedLocation()
  const [exporting, setExporting] = useState(false)
  const print = usePrintFlow(locationId, format)

  useEffect(() => {
    if (location) setSelectedLocation(location.id)
  }, [location, setSelectedLocation])

  const update = (patch: Partial<LogView>, options: { replace?: boolean } = {}) => {
    // Changing what is shown starts again at page 1.
    const resetsPage = ['startDate', 'endDate', 'type', 'status', 'pageSize'].some(
      (key) => key in patch,
    )
    const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...patch }
    setSearchParams(writeLogParams(next, today), { replace: options.replace ?? false })
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
    () => (list.data ? sortTransactions(list.data.transactions, view.sort) : []),
    [list.data, view.sort],
  )
  const rows = useMemo(() => sorted.map((t) => toRow(t, format)), [sorted, format])
  const byId = useMemo(() => new Map(sorted.map((t) => [t.id, t])), [sorted])
  const total = list.data?.total ?? 0
  const pageCount = view.pageSize === 'all' ? 1 : Math.max(1, Math.ceil(total / view.pageSize))
  const opened = view.transactionId !== null ? byId.get(view.transactionId) : undefined

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
    void list.refetch()
  }

  useShortcuts({ find: openPrintForm, print: openPrintForm, refresh })

  const exportCsv = async () => {
    setExporting(true)
    try {
      const all = await queryClient.fetchQuery(allTransactionsQuery(locationId, filters))
      const csv = toCsv(sortTransactions(all.transactions, view.sort).map((t) => toRow(t, format)))
      downloadCsv(`kkm-transactions-${locationId}-${view.startDate}-${view.endDate}.csv`, csv)
      notifications.show({
        color: 'teal',
        title: 'Export ready',
        message: `${formatCount(all.transactions.length)} transactions exported.`,
      })
    } catch (error) {
      const failure = describeError(error)
      notifications.show({
        color: 'red',
        title: `Export failed: ${failure.title}`,
        message: failure.message,
      })
    } finally {
      setExporting(false)
    }
  }

  const title = location?.title ?? `Location ${locationId}`
  const todayOnly = view.startDate === today && view.endDate === today
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <Text c="dimmed" size="sm">
            KKM transaction log · times in {format.timeZone}
          </Text>
        </div>
        {/* After the log: under the rate limit, the cashier's table comes first. */}
        <Shift locationId={locationId} format={format} today={today} enabled={list.isFetched} />
      </Group>

      {locations.isSuccess && !location && (
        <Alert color="yellow" title="Not one of your locations">
          Location {locationId} is not in your list of locations; the API will decide whether you
          may see it. Times are shown in UTC.
        </Alert>
      )}
      {notes.length > 0 && (
        <Alert
          color="yellow"
          title="Some settings in the link were not understood"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setSearchParams(writeLogParams(view, today), { replace: true })}
        >
          <Stack gap={2}>
            {notes.map((note) => (
              <Text size="sm" key={note}>
                {note} The default is used instead.
              </Text>
            ))}
          </Stack>
        </Alert>
      )}

      {/* Cashier mode shows today: a link to other days says so, with the way back. */}
      {cashierMode && !todayOnly && (
        <Group gap="sm" role="status">
          <Text size="sm">
            Showing {view.startDate} to {view.endDate}, not today.
          </Text>
          <Button
            variant="light"
            size="xs"
            onClick={() => update({ startDate: today, endDate: today })}
          >
            Back to today
          </Button>
        </Group>
      )}

      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter the log">
        {!cashierMode && (
          <>
            <TextInput
              type="date"
              label="From"
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
              label="To"
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
          label="Operation"
          data={TYPE_OPTIONS}
          value={view.type === null ? '' : String(view.type)}
          onChange={(value) => update({ type: value ? (Number(value) as LogView['type']) : null })}
          allowDeselect={false}
          w={200}
        />
        <Select
          label="Status"
          data={STATUS_OPTIONS}
          value={view.status === null ? '' : String(view.status)}
          onChange={(value) =>
            update({ status: value ? (Number(value) as LogView['status']) : null })
          }
          allowDeselect={false}
          w={200}
        />
        <Select
          label="Page size"
          data={SIZE_OPTIONS}
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
          Refresh
        </Button>
        {/* An administrator's tool: not in cashier mode. */}
        {!cashierMode && (
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void exportCsv()}
            loading={exporting}
          >
            Export CSV
          </Button>
        )}
        <Button
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={openPrintForm}
          aria-keyshortcuts="p /"
        >
          Print receipt
        </Button>
      </Group>

      {list.isPending ? (
        <Stack role="status" aria-busy="true" aria-label="Loading transactions">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={36} />
          ))}
        </Stack>
      ) : list.isError ? (
        (() => {
          const failure = describeError(list.error)
          return (
            <ErrorNotice
              title={failure.title}
              message={failure.message}
              details={failure.details}
              onRetry={failure.retryable ? () => void list.refetch() : undefined}
            />
          )
        })()
      ) : rows.length === 0 ? (
        <Stack align="flex-start" gap="xs" role="status">
          <Text>
            No transactions match these filters between {view.startDate} and {view.endDate}.
          </Text>
          <Button variant="light" size="xs" onClick={() => setSearchParams(new URLSearchParams())}>
            Show today’s log
          </Button>
        </Stack>
      ) : (
        <>
          <Group gap={6} role="status">
            <Badge variant="light">{formatCount(total)}</Badge>
            <Text size="sm">
              {total === 1 ? 'transaction' : 'transactions'} found
              {view.pageSize === 'all' && total > rows.length
                ? ` (showing the first ${formatCount(rows.length)})`
                : ''}
              {view.pageSize !== 'all' && pageCount > 1
                ? ' · sorting applies within this page'
                : ''}
            </Text>
          </Group>
          <TransactionTable
            rows={rows}
            totalCount={total}
            caption={`KKM transactions of ${title}, ${view.startDate} to ${view.endDate}`}
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
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          )}
        </>
      )}

      <TransactionDetails
        details={opened ? toDetails(opened, format) : null}
        onClose={() => update({ transactionId: null }, { replace: true })}
        onPrint={(id) => {
          const transaction = byId.get(id)
          if (transaction) openPrint(transaction)
        }}
      />
      {print.dialog && (
        <PrintBillDialog opened={print.opened} onClose={print.close} {...print.dialog} />
      )}
    </Stack>
  )
}

export function TransactionsPage() {
  const { locationId: raw } = useParams()
  const locationId = parseId(raw)
  if (locationId === null) {
    return (
      <ErrorNotice
        title="Not a location id"
        message={`“${raw ?? ''}” is not a location id. Location ids are positive whole numbers; pick a location at the top of the page.`}
      />
    )
  }
  return <TransactionLog key={locationId} locationId={locationId} />
}
