import { COMPANIES } from './data/companies'
import { COUNTRIES, TAX_SYSTEMS } from './data/countries'
import { createUsers, DEMO, type MockUser } from './data/users'
import { seedLocationLog, type IdCounters } from './seed'
import type { MockCompany, MockCountry, MockTaxSystem, MockTransaction } from './types'

// What the tests, stories and scripts have always imported from here.
export type { MockCompany, MockCountry, MockTaxSystem, MockTransaction } from './types'
export { DEMO, type MockUser } from './data/users'
export { DOCUMENT_TITLES, OPERATION_TITLES, STATUS_TITLES } from './data/titles'
export { isoInZone } from './generators'

export interface MockDatabase {
  partnerTokens: Set<string>
  users: MockUser[]
  countries: MockCountry[]
  taxSystems: Record<number, MockTaxSystem[]>
  companies: MockCompany[]
  transactions: Map<number, MockTransaction[]>
  nextTransactionId: number
  nextDocumentId: number
  /** Fiscalization requests awaiting a callback: uuid → transaction id. */
  pendingCallbacks: Map<string, { locationId: number; transactionId: number }>
}

/** How many rows each location's log is seeded with; location 4 is the 10,000-row case. */
const LOG_SIZES: Record<number, number> = { 1: 320, 2: 240, 3: 120, 4: 10_500, 5: 0 }

/** Builds a fresh database; `now` fixes "today" for tests. */
export function createDatabase(now = Date.now()): MockDatabase {
  const ids: IdCounters = { nextTransactionId: 50_001, nextDocumentId: 10_001 }
  const transactions = new Map<number, MockTransaction[]>()
  for (const company of COMPANIES)
    transactions.set(company.id, seedLocationLog(company, LOG_SIZES[company.id] ?? 100, now, ids))
  // Nail Studio Paris (5) opened its register today: an empty log.
  transactions.set(5, [])
  return {
    partnerTokens: new Set([DEMO.partnerToken]),
    users: createUsers(),
    countries: structuredClone(COUNTRIES),
    taxSystems: structuredClone(TAX_SYSTEMS),
    companies: structuredClone(COMPANIES),
    transactions,
    nextTransactionId: ids.nextTransactionId,
    nextDocumentId: ids.nextDocumentId,
    pendingCallbacks: new Map(),
  }
}

/** The one database the handlers serve; tests reset it between cases. */
export let db: MockDatabase = createDatabase()

export function resetDatabase(now = Date.now()): MockDatabase {
  db = createDatabase(now)
  return db
}
