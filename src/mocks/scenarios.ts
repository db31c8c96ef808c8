import { resetRateWindow } from './rate'

/** Operation ids of the spec: faults can be aimed at one of them or at all. */
export const OPERATION_IDS = [
  'authenticateUser',
  'listCountries',
  'listCompanies',
  'listTaxSystems',
  'listKkmTransactions',
  'printDocumentBill',
  'reportKkmCallback',
] as const
export type OperationId = (typeof OPERATION_IDS)[number]

export const FAULTS = [
  'unauthorized',
  'forbidden',
  'not-found',
  'validation',
  'rate-limited',
  'server-error',
  'unavailable',
  'network',
  'timeout',
  'malformed-json',
  'success-false',
  'legacy-error',
] as const
export type Fault = (typeof FAULTS)[number]

/** How the embedded cash register behaves after a print request. */
export type PrinterMode = 'online' | 'offline' | 'manual'

/**
 * How the server behaves where the documentation is silent (the "Unknowns" of the API reference):
 * each trait is one choice a real deployment may make, switchable on its own.
 */
export interface ServerProfile {
  /** The log's order. */
  order: 'newest-first' | 'oldest-first'
  /** The most rows a page holds, whatever editable_length asks; null: as many as asked. */
  pageCap: number | null
  /**
   * Where a capped server's page 2 starts: after the rows its page 1 served, or at row
   * editable_length, as if every page had held what was asked (then rows between are skipped
   * unless the client asks for what the server serves).
   */
  paging: 'served' | 'asked'
  /** meta.count: the total found, or this page's length. */
  count: 'total' | 'page'
  /** Every id and number (and meta.count) as a JSON number, or as a string ("id":"50001"). */
  ids: 'numbers' | 'strings'
  /** print_date as ISO 8601 with the offset, or as the location's wall time without one. */
  dates: 'iso' | 'wall'
  /** Every error body as the documented envelope, or as the legacy {errors:{code,message}}. */
  errors: 'envelope' | 'legacy'
  /** lenient takes any Accept; altegio and yclients answer 400 to any Accept but their own. */
  accept: 'lenient' | 'altegio' | 'yclients'
  /** strict answers the 6th request within any rolling second with 429 and Retry-After. */
  rate: 'lenient' | 'strict'
}

/** What the mock always did: existing tests and stories rely on it. */
export const DEFAULT_PROFILE: ServerProfile = Object.freeze({
  order: 'newest-first',
  pageCap: null,
  paging: 'served',
  count: 'total',
  ids: 'numbers',
  dates: 'iso',
  errors: 'envelope',
  accept: 'lenient',
  rate: 'lenient',
})

/** Every trait the way that is hardest for a client: what the app must survive. */
export const HARSHEST_PROFILE: ServerProfile = Object.freeze({
  order: 'oldest-first',
  pageCap: 100,
  paging: 'asked',
  count: 'page',
  ids: 'strings',
  dates: 'wall',
  errors: 'legacy',
  accept: 'yclients',
  rate: 'strict',
})

export interface Scenario {
  /** Added to every answer, to show loading states and make races visible. */
  latencyMs: number
  fault: Fault | null
  /** The operation the fault hits; null hits every operation. */
  faultOperation: OperationId | null
  printer: PrinterMode
  /** How long a receipt stays "sent for printing" before it settles. */
  printSettleMs: number
  profile: ServerProfile
}

/** A change to the scenario: the profile too may be given in part. */
export type ScenarioPatch = Partial<Omit<Scenario, 'profile'>> & {
  profile?: Partial<ServerProfile>
}

export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  latencyMs: 0,
  fault: null,
  faultOperation: null,
  printer: 'online',
  printSettleMs: 1500,
  profile: DEFAULT_PROFILE,
})

/** The active scenario, shared by every handler. */
export const scenario: Scenario = { ...DEFAULT_SCENARIO, profile: { ...DEFAULT_PROFILE } }

export function setScenario(next: ScenarioPatch): Scenario {
  const { profile, ...rest } = next
  Object.assign(scenario, rest)
  if (profile) setProfile(profile)
  return scenario
}

/** Merges the traits given into the current profile; the others stay as they are. */
export function setProfile(next: Partial<ServerProfile>): ServerProfile {
  // A new object, so that whoever kept the old one (the panel's state) sees a change.
  scenario.profile = { ...scenario.profile, ...next }
  return scenario.profile
}

export function resetScenario(): Scenario {
  Object.assign(scenario, DEFAULT_SCENARIO, { profile: { ...DEFAULT_PROFILE } })
  resetRateWindow()
  return scenario
}

export function activeFault(operationId: OperationId): Fault | null {
  if (!scenario.fault) return null
  return scenario.faultOperation === null || scenario.faultOperation === operationId
    ? scenario.fault
    : null
}
