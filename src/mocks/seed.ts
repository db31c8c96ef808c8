import type { DocumentTypeId, OperationTypeId, PrintStatusId } from '@/api/wire'
import { CASHIERS, HOSTILE_CASHIER } from './data/companies'
import { createTransaction, pick, random, startOfDayInZone } from './generators'
import type { MockCompany, MockTransaction } from './types'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000
const SALE_DOCUMENT_TYPES: DocumentTypeId[] = [7, 7, 7, 9, 1, 2]
const WEIGHTED_STATUSES: PrintStatusId[] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 3, 4, 2, 5]

/** The next free ids, shared by every location so an id is unique across the database. */
export interface IdCounters {
  nextTransactionId: number
  nextDocumentId: number
}

/**
 * Thirty days of one location's log, newest first: each day a shift opens, sales and returns,
 * cash moves, the shift closes (except today, which stops at `now`). Deterministic per location,
 * so every run, test and screenshot sees the same rows.
 */
export function seedLocationLog(
  company: MockCompany,
  count: number,
  now: number,
  ids: IdCounters,
): MockTransaction[] {
  const rand = random(company.id * 7919)
  const offset = Number(company.timezone ?? 0)
  const rows: MockTransaction[] = []
  const days = 30
  const perDay = Math.max(4, Math.round(count / days))
  const todayStartLocal = startOfDayInZone(now, offset)
  const add = (
    at: number,
    type: OperationTypeId,
    status: PrintStatusId,
    documentType: DocumentTypeId,
    sum: number,
    documentId: number,
  ) => {
    rows.push(
      createTransaction({
        id: ids.nextTransactionId++,
        at,
        offsetHours: offset,
        sum,
        type,
        status,
        document: { id: documentId, type: documentType },
        // The hostile name is rare, as it would be: enough to prove it renders as text.
        cashier: rand() < 0.03 ? HOSTILE_CASHIER : pick(rand, CASHIERS),
      }),
    )
  }
  for (let day = days - 1; day >= 0; day--) {
    const dayStart = todayStartLocal - day * DAY_MS
    const opening = dayStart + 9 * HOUR_MS
    const closing = dayStart + 21 * HOUR_MS
    const lastMoment = day === 0 ? Math.min(now, closing) : closing
    if (lastMoment <= opening) continue
    add(opening, 4, 1, 2, 0, ids.nextDocumentId++)
    const span = lastMoment - opening
    const sales =
      day === 0 ? Math.max(3, Math.round((perDay * span) / (closing - opening))) : perDay
    const times = Array.from(
      { length: sales },
      () => opening + 60_000 + Math.floor(rand() * (span - 120_000)),
    ).sort((a, b) => a - b)
    for (const at of times) {
      const roll = rand()
      const documentId = ids.nextDocumentId++
      const documentType = pick(rand, SALE_DOCUMENT_TYPES)
      const sum = Math.round((300 + rand() * 9700) * 100) / 100
      // In-flight statuses only for today's latest receipts; older ones have settled.
      const status = pick(rand, WEIGHTED_STATUSES)
      const settled: PrintStatusId = day === 0 || (status !== 2 && status !== 5) ? status : 1
      if (roll < 0.82) add(at, 0, settled, documentType, sum, documentId)
      else if (roll < 0.9) {
        add(at, 0, 1, documentType, sum, documentId)
        add(at + 600_000, 1, settled, documentType, sum, documentId)
      } else if (roll < 0.95)
        add(at, pick(rand, [6, 7] as const), 1, 2, Math.round(rand() * 50) * 100, documentId)
      else add(at, pick(rand, [9, 13, 2] as const), settled, 2, 0, documentId)
    }
    if (day !== 0) add(closing, 5, 1, 2, 0, ids.nextDocumentId++)
  }
  // The log lists the newest first.
  rows.sort((a, b) => Date.parse(b.print_date) - Date.parse(a.print_date) || b.id - a.id)
  return rows
}
