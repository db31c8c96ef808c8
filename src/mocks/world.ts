import { resetDatabase, type MockDatabase } from './db'
import { resetScenario, setScenario, type ScenarioPatch } from './scenarios'

export interface MockWorldOptions {
  /** "Now" for the seed; the clock's by default. */
  now?: number
  /** Changes to the fresh database before anything is served, e.g. `addRecentSale`. */
  database?: (db: MockDatabase) => void
  /** Faults, latency, printer and profile on top of the default scenario. */
  scenario?: ScenarioPatch
}

/**
 * The embedded API as it starts: a fresh seed, the default scenario and profile, an empty rate
 * window; then `options`. Vitest, Storybook and `/__mock/reset` all start from here, so no harness
 * forgets a piece of the mock's state another one resets.
 */
export function resetMockWorld(options: MockWorldOptions = {}): MockDatabase {
  const database = resetDatabase(options.now)
  options.database?.(database)
  resetScenario()
  if (options.scenario) setScenario(options.scenario)
  return database
}
