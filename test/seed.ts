import { db, type MockTransaction } from '@/mocks/db'
import { addRecentSale, RECENT_SALE, type RecentSaleOptions } from '@/mocks/fixtures'

/** The seeded receipt's document: a visit, so its label in the log is `Visit #777001`. */
export const SEEDED_DOCUMENT = RECENT_SALE.documentId

/**
 * The mock's recent sale (src/mocks/fixtures.ts, the same the stories print): at location 1
 * (Moscow), failed to print `minutesAgo` minutes ago, newest in its log, so printing it again is
 * legitimate. `options` make it anything else.
 */
export function seedReceipt(minutesAgo: number, options: RecentSaleOptions = {}): MockTransaction {
  return addRecentSale(db, { minutesAgo, ...options })
}
