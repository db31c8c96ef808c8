import { setupWorker } from 'msw/browser'
import { scenarioFromParams } from './flags'
import { handlers } from './handlers'
import { setScenario } from './scenarios'

/** The embedded API in the browser: the dev server and the demo build. */
export const worker = setupWorker(...handlers)

export async function startMockWorker() {
  setScenario(scenarioFromParams(new URLSearchParams(window.location.search)))
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
}
