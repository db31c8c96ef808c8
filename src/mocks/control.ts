import { parseScenario } from './parse'
import { rateRefusals } from './rate'
import { scenario, setScenario, type Scenario } from './scenarios'
import { resetMockWorld } from './world'

export type ControlAnswer =
  | { status: 200; body: Scenario | { rateRefusals: number } }
  | { status: 400; body: { error: string } }

/**
 * `/__mock/scenario` (GET reads, POST changes) and `/__mock/reset` of the standalone mock, kept
 * apart from the HTTP server so tests can drive them. A body that does not validate changes
 * nothing: a typo in a trait must not leave a run half-switched.
 */
export function control(pathname: string, method: string, body: string): ControlAnswer | null {
  if (pathname === '/__mock/scenario') {
    if (method !== 'POST') return { status: 200, body: scenario }
    let json: unknown
    try {
      json = JSON.parse(body || '{}')
    } catch {
      return { status: 400, body: { error: 'the body must be JSON' } }
    }
    const parsed = parseScenario(json)
    if (!parsed.ok) return { status: 400, body: { error: parsed.error } }
    return { status: 200, body: setScenario(parsed.value) }
  }
  // What the strict rate profile refused since the last reset.
  if (pathname === '/__mock/stats') return { status: 200, body: { rateRefusals: rateRefusals() } }
  if (pathname === '/__mock/reset') {
    resetMockWorld()
    return { status: 200, body: scenario }
  }
  return null
}
