import { Button, Group, Select, TextInput } from '@mantine/core'
import { IconDownload, IconPrinter, IconRefresh } from '@tabler/icons-react'
import { useI18n } from '@/i18n'
import { isIsoDay, type LogView, type PageSize } from '@/log/logParams'
import { filterOptionsFor } from './filterOptions'

/** The log's search region: what to show (days, operation, status, page size) and what to do. */
export function LogToolbar({
  view,
  cashierMode,
  onChange,
  onPageSizeChange,
  onRefresh,
  refreshing,
  onExport,
  exporting,
  onPrintReceipt,
}: {
  view: LogView
  cashierMode: boolean
  onChange: (patch: Partial<LogView>) => void
  onPageSizeChange: (pageSize: PageSize) => void
  onRefresh: () => void
  refreshing: boolean
  onExport: () => void
  exporting: boolean
  onPrintReceipt: () => void
}) {
  const { t, intlLocale } = useI18n()
  const l = t.log
  const options = filterOptionsFor(t, intlLocale)
  return (
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
              onChange({ startDate: event.currentTarget.value })
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
              onChange({ endDate: event.currentTarget.value })
            }
            w={160}
          />
        </>
      )}
      <Select
        label={l.filters.operation}
        data={options.types}
        value={view.type === null ? '' : String(view.type)}
        onChange={(value) => onChange({ type: value ? (Number(value) as LogView['type']) : null })}
        allowDeselect={false}
        w={200}
      />
      <Select
        label={l.filters.status}
        data={options.statuses}
        value={view.status === null ? '' : String(view.status)}
        onChange={(value) =>
          onChange({ status: value ? (Number(value) as LogView['status']) : null })
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
          onPageSizeChange((value === 'all' ? 'all' : Number(value)) as PageSize)
        }}
        allowDeselect={false}
        w={190}
      />
      <Button
        variant="default"
        leftSection={<IconRefresh size={16} aria-hidden />}
        onClick={onRefresh}
        loading={refreshing}
        aria-keyshortcuts="r"
      >
        {l.refresh}
      </Button>
      {/* An administrator's tool: not in cashier mode. */}
      {!cashierMode && (
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={onExport}
          loading={exporting}
        >
          {l.exportCsv}
        </Button>
      )}
      <Button
        leftSection={<IconPrinter size={16} aria-hidden />}
        onClick={onPrintReceipt}
        aria-keyshortcuts="p /"
      >
        {l.printReceipt}
      </Button>
    </Group>
  )
}
