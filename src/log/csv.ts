/**
 * The log as a spreadsheet file: one CSV that Excel opens right in the language chosen. Excel
 * reads a CSV with the list separator and decimal mark of its own locale, so a Russian file is
 * `;`-separated with `1234,50` and an English one `,`-separated with `1234.50`; sums are bare
 * numbers (no currency sign, no grouping), dates a form every Excel parses, and every code beside
 * its name, so the file can be filtered and summed without retyping anything.
 */
import type { KkmTransaction } from '@/api/transactions'
import { parseApiDate, wallTime } from '@/domain/apiDate'
import type { Messages } from '@/i18n'
import { currencyCode } from '@/i18n/format'
import { labelFor } from '@/i18n/labels'
import { operationLabel, statusLabel, type LocationFormat } from './view'

export interface CsvDialect {
  separator: ',' | ';'
  decimal: '.' | ','
}

/**
 * The dialect of a locale's Excel: where the decimal mark is a comma, the list separator cannot
 * be one, and Excel uses `;` (ru-RU, de-DE…).
 */
export function csvDialect(locale: string): CsvDialect {
  const decimal = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')
  return decimal?.value === ','
    ? { separator: ';', decimal: ',' }
    : { separator: ',', decimal: '.' }
}

/**
 * A string from the API as a spreadsheet must see it: a leading = + - @ (or a tab or carriage
 * return before one) would be run as a formula, so it is prefixed with an apostrophe and stays text.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** RFC 4180: a cell holding the separator, a quote or a line break is quoted, quotes doubled. */
export function csvCell(value: string, separator: CsvDialect['separator']): string {
  return value.includes(separator) || /["\r\n]/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value
}

/** Money as a bare number with two decimals in the dialect's mark; an unreadable sum stays empty. */
export function csvMoney(amount: number, decimal: CsvDialect['decimal']): string {
  if (!Number.isFinite(amount)) return ''
  return amount.toFixed(2).replace('.', decimal)
}

/** A whole number (an id, a code, a count) as it is; an unreadable one stays empty. */
function csvInteger(value: number): string {
  return Number.isFinite(value) ? String(value) : ''
}

export interface CsvLocation {
  id: number
  title: string
}

/** Which location the rows are of, and how it writes times and money. */
export interface CsvContext {
  location: CsvLocation
  format: LocationFormat
  dialect: CsvDialect
  t: Messages
}

/** The header row, in the catalogue's words. */
export function csvHeader({ format, t }: Pick<CsvContext, 'format' | 't'>): string[] {
  const c = t.csv
  return [
    c.transactionId,
    c.printedAt(format.timeZone),
    c.operationCode,
    c.operation,
    c.documentId,
    c.documentTypeCode,
    c.documentType,
    c.sum,
    c.currency,
    c.statusCode,
    c.status,
    c.cashierId,
    c.cashier,
    c.printedCount,
    c.locationId,
    c.location,
  ]
}

/**
 * One transaction's cells. Text from the API is neutralised; numbers are not, so a negative sum
 * stays a number. A date the API sent in neither known form is kept as sent, as text.
 */
export function csvRecord(transaction: KkmTransaction, context: CsvContext): string[] {
  const { format, dialect, t, location } = context
  const at = parseApiDate(transaction.print_date, format.timeZone)
  const { document } = transaction
  return [
    csvInteger(transaction.id),
    at ? wallTime(at, format.timeZone) : neutralizeFormula(transaction.print_date),
    csvInteger(transaction.type.id),
    neutralizeFormula(operationLabel(transaction, t)),
    csvInteger(document.id),
    csvInteger(document.type),
    neutralizeFormula(labelFor(t.enums.documentType, document.type, document.type_title)),
    csvMoney(transaction.sum, dialect.decimal),
    currencyCode(format.currency) ?? neutralizeFormula(format.currency ?? ''),
    csvInteger(transaction.status.id),
    neutralizeFormula(statusLabel(transaction, t)),
    csvInteger(transaction.cashier.id),
    neutralizeFormula(transaction.cashier.name),
    csvInteger(transaction.printed_count),
    csvInteger(location.id),
    neutralizeFormula(location.title),
  ]
}

/** The UTF-8 byte order mark: without it Russian Excel reads the file as cp1251 and garbles Cyrillic. */
export const UTF8_BOM = '\ufeff'

/** The whole file: BOM, header, one record per transaction in the order given, CRLF line ends. */
export function toCsv(transactions: readonly KkmTransaction[], context: CsvContext): string {
  const { separator } = context.dialect
  const line = (cells: string[]) => cells.map((cell) => csvCell(cell, separator)).join(separator)
  const lines = [csvHeader(context), ...transactions.map((row) => csvRecord(row, context))]
  return UTF8_BOM + lines.map(line).join('\r\n') + '\r\n'
}
