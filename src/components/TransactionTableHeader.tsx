import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'
import { memo } from 'react'
import { useI18n } from '@/i18n'
import {
  DROPPED_BELOW_WIDE,
  TRANSACTION_COLUMNS,
  type SortState,
  type TableLayout,
} from './transactionRows'
import classes from './TransactionTable.module.css'

type ColumnKey = (typeof TRANSACTION_COLUMNS)[number]['key']

/** Each column's cell class: its place in a card, its alignment. */
export const CELL_CLASS: Record<ColumnKey, string> = {
  id: classes.cell ?? '',
  printedAt: `${classes.cell} ${classes.nowrap} ${classes.timeCell}`,
  operation: `${classes.cell} ${classes.nowrap} ${classes.opCell}`,
  document: `${classes.cell} ${classes.docCell}`,
  sum: `${classes.cell} ${classes.end} ${classes.money} ${classes.sumCell}`,
  statusLabel: `${classes.cell} ${classes.statusCell}`,
  statusTone: classes.cell ?? '',
  cashier: `${classes.cell} ${classes.nowrap} ${classes.cashierCell}`,
  printedCount: `${classes.cell} ${classes.end} ${classes.printedCell}`,
  printable: classes.cell ?? '',
}

export const LAYOUT_CLASS: Record<TableLayout, string | undefined> = {
  wide: classes.wide,
  medium: classes.medium,
  cards: classes.cards,
}

function ariaSort(sort: SortState, key: SortState['key'] | undefined) {
  if (!key || sort.key !== key) return undefined
  return sort.direction === 'asc' ? 'ascending' : 'descending'
}

/** The header row: re-rendered when the sort, the language or the layout change, never on scroll. */
export const HeaderRow = memo(function HeaderRow({
  sort,
  onSortChange,
  layout,
}: {
  sort: SortState
  onSortChange: (sort: SortState) => void
  layout: TableLayout
}) {
  const { t } = useI18n()
  return (
    <div role="row" aria-rowindex={1} className={classes.headRow}>
      {TRANSACTION_COLUMNS.map((column) => {
        // In cards, the sort buttons stay in sight (a wrapping line); plain headers are read only.
        const hidden =
          layout === 'cards'
            ? !column.sort
            : layout === 'medium' && DROPPED_BELOW_WIDE.has(column.key)
        const label = t.table[column.label]
        const active = column.sort !== undefined && sort.key === column.sort
        const Icon = !active
          ? IconArrowsSort
          : sort.direction === 'asc'
            ? IconArrowUp
            : IconArrowDown
        return (
          <div
            key={column.key}
            role="columnheader"
            aria-sort={ariaSort(sort, column.sort)}
            className={`${CELL_CLASS[column.key]} ${hidden ? classes.srOnly : ''}`}
          >
            {column.sort ? (
              <button
                type="button"
                className={classes.sort}
                aria-label={t.table.sortBy(label)}
                onClick={() =>
                  column.sort &&
                  onSortChange({
                    key: column.sort,
                    direction: active && sort.direction === 'desc' ? 'asc' : 'desc',
                  })
                }
              >
                {label}
                <Icon size={14} aria-hidden />
              </button>
            ) : (
              label
            )}
          </div>
        )
      })}
      <div role="columnheader" className={`${classes.cell} ${classes.srOnly}`}>
        {t.table.actions}
      </div>
    </div>
  )
})
