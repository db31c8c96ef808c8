import type { StatusTone } from './StatusBadge'

/** A transaction as the table shows it: every value already formatted for the location. */
export interface TransactionRowView {
  id: number
  printedAt: string
  operation: string
  document: string
  sum: string
  statusLabel: string
  statusTone: StatusTone
  cashier: string
  printedCount: string
  /** Sale and sale-return rows of a document can print its receipt again. */
  printable: boolean
}

export type SortKey = 'date' | 'sum' | 'status' | 'operation' | 'cashier'
export interface SortState {
  key: SortKey
  direction: 'asc' | 'desc'
}

export const TRANSACTION_COLUMNS: {
  key: keyof TransactionRowView
  /** The header's key in the catalogue's `table`. */
  label: 'printedAt' | 'operation' | 'document' | 'sum' | 'status' | 'cashier' | 'printed'
  sort?: SortKey
}[] = [
  { key: 'printedAt', label: 'printedAt', sort: 'date' },
  { key: 'operation', label: 'operation', sort: 'operation' },
  { key: 'document', label: 'document' },
  { key: 'sum', label: 'sum', sort: 'sum' },
  { key: 'statusLabel', label: 'status', sort: 'status' },
  { key: 'cashier', label: 'cashier', sort: 'cashier' },
  { key: 'printedCount', label: 'printed' },
]

/**
 * How the table lays itself out at a width (its own, with or without the sidebar): every column,
 * the few that never give way, or cards. The widths are what each layout's columns need in
 * TransactionTable.module.css at the regular and the cashier-mode (touch) type.
 */
export type TableLayout = 'wide' | 'medium' | 'cards'

const LAYOUT_MIN_WIDTH: Record<'regular' | 'touch', { wide: number; medium: number }> = {
  regular: { wide: 980, medium: 700 },
  touch: { wide: 1200, medium: 870 },
}

export function layoutFor(width: number, touch: boolean): TableLayout {
  // No layout yet (jsdom, the first render): the full table.
  if (width <= 0) return 'wide'
  const min = LAYOUT_MIN_WIDTH[touch ? 'touch' : 'regular']
  return width >= min.wide ? 'wide' : width >= min.medium ? 'medium' : 'cards'
}

/**
 * Every row's height in px, fixed so that the virtualiser never measures a row: what a row's
 * content needs in each layout (two lines of a wrapped document type; a card's time over a document of up to two lines; in
 * cashier mode, 44 px targets and the larger type).
 */
export const ROW_HEIGHTS: Record<'regular' | 'touch', Record<TableLayout, number>> = {
  regular: { wide: 52, medium: 52, cards: 72 },
  touch: { wide: 68, medium: 68, cards: 96 },
}

/** The columns that give way below the wide layout (their cells stay for screen readers). */
export const DROPPED_BELOW_WIDE: ReadonlySet<keyof TransactionRowView> = new Set([
  'operation',
  'cashier',
  'printedCount',
])

/**
 * The rows the table reads by index: an array, or rows formatted on the first read (the rows in
 * view) and kept, so that data arriving — or a new sort — costs no formatting of rows unseen.
 */
export interface RowSource {
  readonly length: number
  at(index: number): TransactionRowView | undefined
}

/** `make` of each item computed on its first ask and kept as long as the item (and this) live. */
export function onceEach<T extends object, V>(make: (item: T) => V): (item: T) => V {
  const made = new WeakMap<T, V>()
  return (item) => {
    let value = made.get(item)
    if (value === undefined) {
      value = make(item)
      made.set(item, value)
    }
    return value
  }
}

/** Items read as rows through `read` (onceEach's), by index, only when asked for. */
export function rowsOf<T extends object>(
  items: readonly T[],
  read: (item: T) => TransactionRowView,
): RowSource {
  return {
    length: items.length,
    at: (index) => {
      const item = items[index]
      return item ? read(item) : undefined
    },
  }
}

/** The index of the row `id`, looked for outwards from `from` (where it was): rows read near it only. */
export function indexNear(rows: RowSource, id: number, from: number): number | null {
  for (let distance = 0; from - distance >= 0 || from + distance < rows.length; distance += 1) {
    if (rows.at(from + distance)?.id === id) return from + distance
    if (distance > 0 && rows.at(from - distance)?.id === id) return from - distance
  }
  return null
}

/** A row with what its render needs computed once, on its first render. */
export interface PreparedRow {
  row: TransactionRowView
  detailsLabel: string
  printLabel: string
}

export function prepareRow(
  row: TransactionRowView,
  labels: { detailsOf: (id: number) => string; printFor: (document: string) => string },
): PreparedRow {
  return { row, detailsLabel: labels.detailsOf(row.id), printLabel: labels.printFor(row.document) }
}
