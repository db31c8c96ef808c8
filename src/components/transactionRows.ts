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
