import { Button, Group, Select, TextInput, VisuallyHidden } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconDownload, IconPrinter, IconRefresh, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { DayInput } from '@/components/DayInput'
import { useI18n } from '@/i18n'
import { presetRange, type DayPreset, type LogView, type PageSize } from '@/log/logParams'
import { filterOptionsFor, statusChoices, statusesValue } from './filterOptions'

const PRESETS: DayPreset[] = ['today', 'yesterday', 'week', 'shift']

/** How long typing pauses before the search is applied: the whole range is searched at once. */
const SEARCH_PAUSE_MS = 300

/** From, To and the usual ranges; a day is applied once typed in full, never mid-typing. */
function DayRange({
  view,
  today,
  shiftStart,
  onChange,
}: {
  view: LogView
  today: string
  shiftStart: string | null
  onChange: (patch: Partial<LogView>) => void
}) {
  const f = useI18n().t.log.filters
  return (
    <>
      <DayInput
        label={f.from}
        value={view.startDate}
        invalidMessage={f.dayInvalid}
        onCommit={(startDate) => {
          if (startDate > view.endDate) return f.fromAfterTo
          onChange({ startDate })
          return null
        }}
        w={150}
      />
      <DayInput
        label={f.to}
        value={view.endDate}
        invalidMessage={f.dayInvalid}
        onCommit={(endDate) => {
          // The user's own mistake, on the field it was made in: the link is not to blame.
          if (endDate < view.startDate) return f.toBeforeFrom
          onChange({ endDate })
          return null
        }}
        w={150}
      />
      <Group gap={4} role="group" aria-label={f.presets} style={{ alignSelf: 'flex-end' }}>
        {PRESETS.map((preset) => {
          const range = presetRange(preset, today, shiftStart)
          // No shift is open (or it is not known yet): there is no "this shift" to show.
          if (range === null) return null
          const current = range.startDate === view.startDate && range.endDate === view.endDate
          return (
            <Button
              key={preset}
              size="compact-sm"
              variant={current ? 'light' : 'subtle'}
              aria-pressed={current}
              onClick={() => onChange(range)}
            >
              {f[preset]}
            </Button>
          )
        })}
      </Group>
    </>
  )
}

/** A document number, a cashier or a sum: applied after a pause in typing, or at once on Enter. */
function SearchField({ value, onChange }: { value: string; onChange: (search: string) => void }) {
  const f = useI18n().t.log.filters
  const [draft, setDraft] = useState(value)
  const [applied, setApplied] = useState(value)
  // A search changed from outside (a link, back to today) replaces what was typed.
  if (applied !== value) {
    setApplied(value)
    // The URL keeps the search trimmed: the space typed before a second word stays.
    if (value !== draft.trim()) setDraft(value)
  }
  const apply = useDebouncedCallback((search: string) => onChange(search), SEARCH_PAUSE_MS)
  return (
    <TextInput
      type="search"
      label={f.search}
      placeholder={f.searchHint}
      value={draft}
      leftSection={<IconSearch size={16} aria-hidden />}
      onChange={(event) => {
        setDraft(event.currentTarget.value)
        apply(event.currentTarget.value)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply.flush()
      }}
      onBlur={() => apply.flush()}
      w={290}
    />
  )
}

/** The log's search region: what to show (days, operation, status, a search, page size) and what to do. */
export function LogToolbar({
  view,
  today,
  shiftStart,
  cashierMode,
  onChange,
  onPageSizeChange,
  onRefresh,
  refreshing,
  onExport,
  exporting,
  onPrintReceipt,
  blocked = false,
  exportDisabledReason = null,
}: {
  view: LogView
  /** At the location: the presets count from it. */
  today: string
  /** The day the open shift began, when one is open. */
  shiftStart: string | null
  cashierMode: boolean
  onChange: (patch: Partial<LogView>, options?: { replace?: boolean }) => void
  onPageSizeChange: (pageSize: PageSize) => void
  onRefresh: () => void
  refreshing: boolean
  onExport: () => void
  exporting: boolean
  onPrintReceipt: () => void
  /** The API refused this log (403): nothing to print from it or export. */
  blocked?: boolean
  /** Why there is nothing to export (an empty log), or null when there is. */
  exportDisabledReason?: string | null
}) {
  const { t, intlLocale } = useI18n()
  const l = t.log
  const options = filterOptionsFor(t, intlLocale)
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={l.filters.region}>
      {!cashierMode && (
        <DayRange view={view} today={today} shiftStart={shiftStart} onChange={onChange} />
      )}
      <SearchField
        value={view.search}
        onChange={(search) => onChange({ search }, { replace: true })}
      />
      <Select
        label={l.filters.operation}
        data={options.types}
        value={view.type === null ? '' : String(view.type)}
        onChange={(value) => onChange({ type: value ? (Number(value) as LogView['type']) : null })}
        allowDeselect={false}
        w={220}
      />
      <Select
        label={l.filters.status}
        data={statusChoices(options, view.statuses, t)}
        value={statusesValue(view.statuses)}
        onChange={(value) =>
          onChange({
            statuses: value ? (value.split(',').map(Number) as LogView['statuses']) : [],
          })
        }
        allowDeselect={false}
        w={220}
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
      {/*
        The log's actions, together at the toolbar's end. Refresh comes last, so it keeps one
        place (the right-hand end) with or without Export (cashier mode) and on every screen.
      */}
      <Group gap="sm" ml="auto" justify="flex-end">
        {/* An administrator's tool: not in cashier mode. */}
        {!cashierMode && (
          <>
            {/* Disabled but focusable while empty, so the reason can be read out. */}
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={exportDisabledReason ? undefined : onExport}
              loading={exporting}
              disabled={blocked}
              data-disabled={exportDisabledReason ? true : undefined}
              aria-disabled={exportDisabledReason ? true : undefined}
              aria-describedby={exportDisabledReason ? 'log-export-disabled' : undefined}
            >
              {l.exportCsv}
            </Button>
            {exportDisabledReason && (
              <VisuallyHidden id="log-export-disabled">{exportDisabledReason}</VisuallyHidden>
            )}
          </>
        )}
        <Button
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={onPrintReceipt}
          aria-keyshortcuts={blocked ? undefined : 'p /'}
          disabled={blocked}
        >
          {l.printReceipt}
        </Button>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={onRefresh}
          loading={refreshing}
          aria-keyshortcuts="r"
        >
          {l.refresh}
        </Button>
      </Group>
    </Group>
  )
}
