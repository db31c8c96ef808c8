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

/**
 * A chain of `size` locations managed by the demo manager: the five demo ones, then copies of
 * them (each copy its own id, title and seed, the same zone and kind of day as its model). Only
 * Nail Studio Paris itself keeps its empty log: one location of the chain with nothing to read.
 * For what a salon of thirty costs the overview; the default database never calls it, so it
 * stays as it always was.
 */
export function addChainLocations(database: MockDatabase, size: number, now = Date.now()): void {
  const ids: IdCounters = {
    nextTransactionId: database.nextTransactionId,
    nextDocumentId: database.nextDocumentId,
  }
  const manager = database.users.find((user) => user.userToken === DEMO.userToken)
  for (let id = COMPANIES.length + 1; id <= size; id++) {
    const model = COMPANIES[(id - 1) % COMPANIES.length]
    if (!model) continue
    const company = { ...structuredClone(model), id, title: `${model.title} (${id})` }
    database.companies.push(company)
    // The 10,000-row model's copies hold a month of 1,500 (50 rows a day): a faster seed.
    const rows = Math.min(LOG_SIZES[model.id] || 100, 1500)
    database.transactions.set(id, seedLocationLog(company, rows, now, ids))
    manager?.locationIds.push(id)
  }
  database.nextTransactionId = ids.nextTransactionId
  database.nextDocumentId = ids.nextDocumentId
}

/** The one database the handlers serve; tests reset it between cases. */
export let db: MockDatabase = createDatabase()

export function resetDatabase(now = Date.now()): MockDatabase {
  db = createDatabase(now)
  return db
}
