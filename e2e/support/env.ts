/**
 * Where the e2e servers listen (playwright.config.ts starts them). Each worker has a mock API and
 * servers of its own, since the mock holds one shared state (database, scenario): a worker's
 * slot is Playwright's TEST_PARALLEL_INDEX, 0 up to E2E_WORKERS - 1.
 */
export const E2E_WORKERS = 2

export function serversOf(slot: number) {
  return {
    mockApi: `http://127.0.0.1:${4010 + slot}`,
    app: `http://127.0.0.1:${8080 + 2 * slot}`,
    /** The same build served as a YCLIENTS deployment (ALTEGIO_API_FLAVOUR=yclients). */
    appYclients: `http://127.0.0.1:${8081 + 2 * slot}`,
  }
}

const mine = serversOf(Number(process.env.TEST_PARALLEL_INDEX ?? 0))
export const MOCK_API = mine.mockApi
export const APP = mine.app
export const APP_YCLIENTS = mine.appYclients
