import type { DocumentTypeId, OperationTypeId, PrintStatusId } from '@/api/wire'
import { ANNA_PETROVA } from './data/companies'
import { DOCUMENT_TITLES, OPERATION_TITLES, STATUS_TITLES } from './data/titles'
import type { MockTransaction } from './types'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/** Deterministic, so tests and screenshots see the same data every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Formats an instant as ISO 8601 with the location's fixed offset, as the API does. */
export function isoInZone(epochMs: number, offsetHours: number): string {
  const shifted = new Date(epochMs + offsetHours * HOUR_MS)
  const sign = offsetHours < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offsetHours))).padStart(2, '0')
  return `${shifted.toISOString().slice(0, 23)}${sign}${hours}:00`
}

/** The instant the location's calendar day containing `epochMs` began. */
export function startOfDayInZone(epochMs: number, offsetHours: number): number {
  const offsetMs = offsetHours * HOUR_MS
  return Math.floor((epochMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs
}

/**
 * What a transaction is made of. The enums are given by id, so a title can never disagree with
 * its id; `printed_count` follows the status unless given.
 */
export type TransactionOverrides = Partial<
  Omit<MockTransaction, 'id' | 'type' | 'status' | 'document' | 'print_date'>
> & {
  id: number
  document: { id: number; type?: DocumentTypeId }
  type?: OperationTypeId
  status?: PrintStatusId
  /** When it was printed (epoch ms); now by default. */
  at?: number
  /** The location's offset from UTC, in which the API writes `print_date`; Moscow's by default. */
  offsetHours?: number
}

/** A printed sale of a visit, now, in Moscow, unless `overrides` say otherwise. */
export function createTransaction({
  id,
  document,
  type = 0,
  status = 1,
  at = Date.now(),
  offsetHours = 3,
  ...rest
}: TransactionOverrides): MockTransaction {
  const documentType = document.type ?? 7
  return {
    id,
    print_date: isoInZone(at, offsetHours),
    printed_count: status === 1 ? 1 : 0,
    sum: 0,
    type: { id: type, title: OPERATION_TITLES[type] },
    status: { id: status, title: STATUS_TITLES[status] },
    document: { id: document.id, type: documentType, type_title: DOCUMENT_TITLES[documentType] },
    cashier: ANNA_PETROVA,
    ...rest,
  }
}
