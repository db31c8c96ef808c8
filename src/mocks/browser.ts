import { setupWorker } from 'msw/browser'
import { handlers } from './handlers'
import { FAULTS, setScenario, type Fault, type OperationId } from './scenarios'

/** The embedded API in the browser: the dev server and the demo build. */
export const worker = setupWorker(...handlers)

/**
 * `?mock-fault=server-error&mock-operation=listKkmTransactions&mock-latency=800&mock-printer=offline`
 * switches a scenario on for this tab, for demonstrations and training.
 */
function scenarioFromUrl() {
  const params = new URLSearchParams(window.location.search)
  const fault = params.get('mock-fault')
  const printer = params.get('mock-printer')
  const latency = Number(params.get('mock-latency'))
  setScenario({
    ...(fault && (FAULTS as readonly string[]).includes(fault) ? { fault: fault as Fault } : {}),
    ...(params.get('mock-operation')
      ? { faultOperation: params.get('mock-operation') as OperationId }
      : {}),
    ...(printer === 'offline' || printer === 'manual' ? { printer } : {}),
    ...(Number.isFinite(latency) && latency > 0 ? { latencyMs: latency } : {}),
  })
}

export async function startMockWorker() {
  scenarioFromUrl()
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
}
