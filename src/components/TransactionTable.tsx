import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react'
import { useI18n } from '@/i18n'
import {
  onceEach,
  prepareRow,
  ROW_HEIGHTS,
  type PreparedRow,
  type RowSource,
  type SortState,
  type TransactionRowView,
} from './transactionRows'
import classes from './TransactionTable.module.css'
import { CELL_CLASS, HeaderRow, LAYOUT_CLASS } from './TransactionTableHeader'
import { useKeepFirstRowInView, useTablePlace } from './useTablePlace'

interface TransactionTableProps {
  rows: RowSource
  sort: SortState
  onSortChange: (sort: SortState) => void
  onOpenDetails: (id: number) => void
  onPrint: (id: number) => void
  /** Off only to measure what virtualisation saves (the bench). */
  virtualize?: boolean
  /** Total rows across pages, for assistive technology. */
  totalCount?: number
  caption: string
  /** Cashier mode: 44 px targets and the larger type (taller rows, wider columns). */
  touch?: boolean
  /**
   * What the rows show (filters, sort, page). New rows under the same key are a new read of the
   * same log: the first row in view stays where it was. Under a new key the rows start afresh.
   */
  viewKey?: string
}

/**
 * One row: plain elements, everything in it computed before (prepareRow), its actions handled by
 * the body's one listener. Memoised on its data and place: scrolling renders only new rows.
 */
const Row = memo(function Row({
  prepared,
  index,
  offset,
}: {
  prepared: PreparedRow
  index: number
  /** Its top within the body (virtualised), or null in the flow. */
  offset: number | null
}) {
  const { row } = prepared
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-id={row.id}
      className={index % 2 === 1 ? `${classes.row} ${classes.odd}` : classes.row}
      style={offset === null ? undefined : { transform: `translateY(${offset}px)` }}
    >
      <div role="cell" className={CELL_CLASS.printedAt}>
        {row.printedAt}
      </div>
      <div role="cell" className={CELL_CLASS.operation}>
        {row.operation}
      </div>
      <div role="cell" className={CELL_CLASS.document} title={row.document}>
        {/* One text: it breaks only at the type's spaces, never inside the number. */}
        <span className={classes.document}>{row.document}</span>
      </div>
      <div role="cell" className={CELL_CLASS.sum}>
        {row.sum}
      </div>
      <div role="cell" className={CELL_CLASS.statusLabel}>
        <span className={classes.status} data-tone={row.statusTone} title={row.statusLabel}>
          <span className={classes.statusText}>{row.statusLabel}</span>
        </span>
      </div>
      <div role="cell" className={CELL_CLASS.cashier} title={row.cashier}>
        {row.cashier}
      </div>
      <div role="cell" className={CELL_CLASS.printedCount}>
        {row.printedCount}
      </div>
      <div role="cell" className={`${classes.cell} ${classes.actionsCell}`}>
        <span className={classes.actions}>
          <button
            type="button"
            data-action="details"
            className={`${classes.action} ${classes.details}`}
            aria-label={prepared.detailsLabel}
            title={prepared.detailsLabel}
          />
          {row.printable && (
            <button
              type="button"
              data-action="print"
              className={`${classes.action} ${classes.print}`}
              aria-label={prepared.printLabel}
              title={prepared.printLabel}
            />
          )}
        </span>
      </div>
    </div>
  )
})

/**
 * The KKM log. The page scrolls, not the table (nothing hides the pagination below it), and only
 * the rows in view are in the DOM (plus a few above and below), each of a fixed height, so a
 * 10,000-row result scrolls as lightly as a page of 25. Its layout follows its own width.
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
  touch = false,
  viewKey = '',
}: TransactionTableProps) {
  const { t } = useI18n()
  const rootRef = useRef<HTMLDivElement>(null)
  const headRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const { top: scrollMargin, layout } = useTablePlace(rootRef, bodyRef, touch)
  const rowHeight = ROW_HEIGHTS[touch ? 'touch' : 'regular'][layout]

  // Each row prepared on its first render and kept while the language stays.
  const prepare = useMemo(
    () =>
      onceEach((row: TransactionRowView) =>
        prepareRow(row, { detailsOf: t.table.detailsOf, printFor: t.table.printFor }),
      ),
    [t],
  )
  const preparedAt = (index: number): PreparedRow | undefined => {
    const row = rows.at(index)
    return row ? prepare(row) : undefined
  }

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin,
    enabled: virtualize,
    // jsdom and the first paint have no layout yet: assume a screenful.
    initialRect: { width: 1024, height: 640 },
  })
  // The virtualiser keeps the positions it computed: a new row height recomputes them.
  const measuredHeight = useRef(rowHeight)
  useEffect(() => {
    if (measuredHeight.current === rowHeight) return
    measuredHeight.current = rowHeight
    virtualizer.measure()
  }, [rowHeight, virtualizer])

  useKeepFirstRowInView({ rows, viewKey, rowHeight, scrollMargin, headRef })

  // One listener for every row: a button does what it says, anywhere else opens the details.
  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return
    const rowElement = event.target.closest<HTMLElement>('[data-row-id]')
    if (!rowElement) return
    const id = Number(rowElement.dataset.rowId)
    const action = event.target.closest<HTMLElement>('[data-action]')?.dataset.action
    if (action === 'print') return onPrint(id)
    // Selecting a row's text to copy it is not a request for its details.
    if (!action && !(window.getSelection()?.isCollapsed ?? true)) return
    onOpenDetails(id)
  }

  const items = virtualize ? virtualizer.getVirtualItems() : []
  const rootStyle = { '--kkm-row-height': `${rowHeight}px` } as CSSProperties
  return (
    <div
      ref={rootRef}
      role="table"
      aria-label={caption}
      aria-rowcount={(totalCount ?? rows.length) + 1}
      data-testid="transaction-scroll"
      data-layout={layout}
      className={[
        classes.root,
        LAYOUT_CLASS[layout],
        touch && classes.touch,
        virtualize && classes.virtual,
      ]
        .filter(Boolean)
        .join(' ')}
      style={rootStyle}
    >
      <div ref={headRef} role="rowgroup" className={classes.head}>
        <HeaderRow sort={sort} onSortChange={onSortChange} layout={layout} />
      </div>
      {/* Only delegates: each row's actions are buttons the keyboard reaches; a click elsewhere
          on a row is the pointer's shortcut to its Details button. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={bodyRef}
        role="rowgroup"
        className={classes.body}
        style={virtualize ? { height: virtualizer.getTotalSize() } : undefined}
        onClick={onBodyClick}
      >
        {virtualize
          ? items.map((item) => {
              const row = preparedAt(item.index)
              return row ? (
                <Row
                  key={row.row.id}
                  prepared={row}
                  index={item.index}
                  offset={item.start - scrollMargin}
                />
              ) : null
            })
          : Array.from({ length: rows.length }, (_, index) => {
              const row = preparedAt(index)
              return row ? (
                <Row key={row.row.id} prepared={row} index={index} offset={null} />
              ) : null
            })}
      </div>
    </div>
  )
}
