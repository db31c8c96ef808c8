import { ActionIcon, Box, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconInfoCircle,
  IconPrinter,
} from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react'
import { useI18n } from '@/i18n'
import { StatusBadge } from './StatusBadge'
import {
  TRANSACTION_COLUMNS,
  type SortKey,
  type SortState,
  type TransactionRowView,
} from './transactionRows'

interface TransactionTableProps {
  rows: TransactionRowView[]
  sort: SortState
  onSortChange: (sort: SortState) => void
  onOpenDetails: (id: number) => void
  onPrint: (id: number) => void
  /** Off only to measure what virtualisation saves (the bench). */
  virtualize?: boolean
  /** Total rows across pages, for assistive technology. */
  totalCount?: number
  caption: string
  /**
   * Every row's height in px, which the virtualiser counts on: at least what a row's content needs.
   * Cashier mode's larger type and 44 px targets need CASHIER_ROW_HEIGHT.
   */
  rowHeight?: number
}

export const ROW_HEIGHT = 49
/** A row in cashier mode: 44 px actions and the scaled cell padding (pages/shell/cashierMode.css). */
export const CASHIER_ROW_HEIGHT = 72

function SortHeader({
  label,
  sortKey,
  sort,
  onSortChange,
}: {
  label: string
  sortKey: SortKey
  sort: SortState
  onSortChange: (s: SortState) => void
}) {
  const { t } = useI18n()
  const active = sort.key === sortKey
  const next: SortState = {
    key: sortKey,
    direction: active && sort.direction === 'desc' ? 'asc' : 'desc',
  }
  const Icon = !active ? IconArrowsSort : sort.direction === 'asc' ? IconArrowUp : IconArrowDown
  return (
    <UnstyledButton
      onClick={() => onSortChange(next)}
      aria-label={t.table.sortBy(label)}
      fw={700}
      fz="sm"
    >
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  )
}

/** Memoised: while scrolling, only rows that come into view render. */
const Row = memo(function Row({
  row,
  onOpenDetails,
  onPrint,
  index,
  style,
}: {
  row: TransactionRowView
  onOpenDetails: (id: number) => void
  onPrint: (id: number) => void
  index: number
  style?: CSSProperties
}) {
  const { t } = useI18n()
  return (
    <Table.Tr aria-rowindex={index + 2} style={style} data-row-id={row.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.printedAt}</Table.Td>
      <Table.Td>{row.operation}</Table.Td>
      <Table.Td style={{ maxWidth: 220 }}>
        <Text size="sm" truncate="end" title={row.document}>
          {row.document}
        </Text>
      </Table.Td>
      <Table.Td
        style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        {row.sum}
      </Table.Td>
      <Table.Td style={{ minWidth: 190 }}>
        <StatusBadge tone={row.statusTone} label={row.statusLabel} />
      </Table.Td>
      <Table.Td style={{ maxWidth: 200 }}>
        <Text size="sm" truncate="end" title={row.cashier}>
          {row.cashier}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>{row.printedCount}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {/* A plain title, not a Tooltip: hundreds of floating tooltips make long lists sluggish. */}
          <ActionIcon
            variant="subtle"
            onClick={() => onOpenDetails(row.id)}
            aria-label={t.table.detailsOf(row.id)}
            title={t.table.details}
          >
            <IconInfoCircle size={18} aria-hidden />
          </ActionIcon>
          {row.printable && (
            <ActionIcon
              variant="subtle"
              onClick={() => onPrint(row.id)}
              aria-label={t.table.printFor(row.document)}
              title={t.details.printReceipt}
            >
              <IconPrinter size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  )
})

/**
 * The KKM log. Only the rows in view are in the DOM (plus a few above and below), so a
 * 10,000-row result scrolls as lightly as a page of 25.
 */
export function TransactionTable({
  rows,
  sort,
  onSortChange,
  onOpenDetails,
  onPrint,
  virtualize = true,
  totalCount,
  caption,
  rowHeight = ROW_HEIGHT,
}: TransactionTableProps) {
  const { t } = useI18n()
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowStyle = useMemo<CSSProperties>(() => ({ height: rowHeight }), [rowHeight])
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler, whose memoisation this warns about
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // jsdom and the first paint have no layout yet: assume a screenful.
    initialRect: { width: 1024, height: 640 },
  })
  // The virtualiser keeps the positions it computed: a new row height (cashier mode) recomputes them.
  const measuredHeight = useRef(rowHeight)
  useEffect(() => {
    if (measuredHeight.current === rowHeight) return
    measuredHeight.current = rowHeight
    virtualizer.measure()
  }, [rowHeight, virtualizer])
  const items = virtualize ? virtualizer.getVirtualItems() : []
  const paddingTop = virtualize && items.length > 0 ? (items[0]?.start ?? 0) : 0
  const paddingBottom =
    virtualize && items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0
  const spacer = (height: number): ReactNode =>
    height > 0 ? (
      <tr aria-hidden style={{ height }}>
        <td colSpan={TRANSACTION_COLUMNS.length + 1} style={{ padding: 0, border: 0 }} />
      </tr>
    ) : null

  return (
    <Box
      ref={scrollRef}
      style={{
        overflow: 'auto',
        maxHeight: 'max(420px, calc(100dvh - 330px))',
        position: 'relative',
      }}
      tabIndex={0}
      role="region"
      aria-label={caption}
      data-testid="transaction-scroll"
    >
      <Table
        striped
        highlightOnHover
        stickyHeader
        miw={980}
        aria-rowcount={(totalCount ?? rows.length) + 1}
      >
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {TRANSACTION_COLUMNS.map((column) => (
              <Table.Th
                key={column.key}
                aria-sort={
                  column.sort && sort.key === column.sort
                    ? sort.direction === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
                style={
                  column.key === 'sum' || column.key === 'printedCount'
                    ? { textAlign: 'right' }
                    : undefined
                }
              >
                {column.sort ? (
                  <SortHeader
                    label={t.table[column.label]}
                    sortKey={column.sort}
                    sort={sort}
                    onSortChange={onSortChange}
                  />
                ) : (
                  t.table[column.label]
                )}
              </Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>{t.table.actions}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {spacer(paddingTop)}
          {virtualize
            ? items.map((item) => {
                const row = rows[item.index]
                return row ? (
                  <Row
                    key={row.id}
                    row={row}
                    index={item.index}
                    onOpenDetails={onOpenDetails}
                    onPrint={onPrint}
                    style={rowStyle}
                  />
                ) : null
              })
            : rows.map((row, index) => (
                <Row
                  key={row.id}
                  row={row}
                  index={index}
                  onOpenDetails={onOpenDetails}
                  onPrint={onPrint}
                />
              ))}
          {spacer(paddingBottom)}
        </Table.Tbody>
      </Table>
    </Box>
  )
}
