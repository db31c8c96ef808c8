import {
  db,
  DOCUMENT_TITLES,
  isoInZone,
  OPERATION_TITLES,
  STATUS_TITLES,
  type MockTransaction,
} from '@/mocks/db'

/** The seeded receipt's document: a visit, so its label in the log is `Visit #777001`. */
export const SEEDED_DOCUMENT = 777_001
const MOSCOW = 3

/**
 * A sale at location 1 (Moscow) that failed to print `minutesAgo` minutes ago, newest in its log:
 * printing it again is legitimate. `overrides` make it anything else.
 */
export function seedReceipt(
  minutesAgo: number,
  overrides: Partial<MockTransaction> = {},
): MockTransaction {
  const transaction: MockTransaction = {
    id: 900_001,
    print_date: isoInZone(Date.now() - minutesAgo * 60_000, MOSCOW),
    printed_count: 0,
    sum: 1234.5,
    type: { id: 0, title: OPERATION_TITLES[0] },
    status: { id: 3, title: STATUS_TITLES[3] },
    document: { id: SEEDED_DOCUMENT, type: 7, type_title: DOCUMENT_TITLES[7] },
    cashier: { id: 5, name: 'Test Cashier' },
    ...overrides,
  }
  db.transactions.get(1)?.unshift(transaction)
  return transaction
}
