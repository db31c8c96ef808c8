import { Budget, type Clock } from './budget.ts'
import type { Config } from './config.ts'
import type { UpstreamHealth } from './proxy.ts'

/**
 * What outlives one request: the shared budget, the upstream's last answer, the stop flag, the
 * upstream calls in flight.
 */
export interface Runtime {
  budget: Budget
  health: UpstreamHealth
  /** Set when a stop begins: /readyz fails and every answer closes its connection. */
  draining: boolean
  /**
   * Upstream calls still out. A print whose browser left has no connection holding the server
   * open, so a stop waits for these too.
   */
  inFlight: Set<Promise<unknown>>
}

export function createRuntime(config: Config, clock?: Clock): Runtime {
  return {
    budget: new Budget({ ...config.budget, clock }),
    health: { lastAnswerAt: null },
    draining: false,
    inFlight: new Set(),
  }
}
