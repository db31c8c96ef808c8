import { delay, HttpResponse } from 'msw'

/** Operation ids of the spec: faults can be aimed at one of them or at all. */
export type OperationId =
  | 'authenticateUser'
  | 'listCountries'
  | 'listCompanies'
  | 'listTaxSystems'
  | 'listKkmTransactions'
  | 'printDocumentBill'
  | 'reportKkmCallback'

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

export interface Scenario {
  /** Added to every answer, to show loading states and make races visible. */
  latencyMs: number
  fault: Fault | null
  /** The operation the fault hits; null hits every operation. */
  faultOperation: OperationId | null
  printer: PrinterMode
  /** How long a receipt stays "sent for printing" before it settles. */
  printSettleMs: number
}

export const DEFAULT_SCENARIO: Scenario = {
  latencyMs: 0,
  fault: null,
  faultOperation: null,
  printer: 'online',
  printSettleMs: 1500,
}

/** The active scenario, shared by every handler. */
export const scenario: Scenario = { ...DEFAULT_SCENARIO }

export function setScenario(next: Partial<Scenario>): Scenario {
  return Object.assign(scenario, next)
}

export function resetScenario(): Scenario {
  return Object.assign(scenario, DEFAULT_SCENARIO)
}

export function activeFault(operationId: OperationId): Fault | null {
  if (!scenario.fault) return null
  return scenario.faultOperation === null || scenario.faultOperation === operationId
    ? scenario.fault
    : null
}

/**
 * Fault answers lie outside the contract on purpose (500, 503, broken JSON): they are what a real
 * network and a real server do on a bad day, so they are built here and not through `route`.
 */
export async function faultResponse(fault: Fault): Promise<Response> {
  const envelope = (status: number, meta: unknown) =>
    HttpResponse.json({ success: false, data: null, meta }, { status })
  switch (fault) {
    case 'unauthorized':
      return envelope(401, { message: 'Authentication needed.' })
    case 'forbidden':
      return envelope(403, { message: 'Access denied.' })
    case 'not-found':
      return envelope(404, [])
    case 'validation':
      return envelope(422, {
        message: 'An error has occurred.',
        errors: [
          { field: 'document_id', message: 'The document cannot be printed in its current state.' },
        ],
      })
    case 'rate-limited':
      return HttpResponse.json(
        { success: false, data: null, meta: { message: 'Too many requests.' } },
        { status: 429, headers: { 'Retry-After': '3' } },
      )
    case 'server-error':
      return envelope(500, { message: 'Internal server error.' })
    case 'unavailable':
      return new HttpResponse(
        '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
        {
          status: 503,
          headers: { 'Content-Type': 'text/html' },
        },
      )
    case 'network':
      return HttpResponse.error()
    case 'timeout':
      await delay('infinite')
      return HttpResponse.error()
    case 'malformed-json':
      return new HttpResponse('{"success":true,"data":[{"id":1,', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    case 'success-false':
      return HttpResponse.json({
        success: false,
        data: null,
        meta: { message: 'The operation could not be completed.' },
      })
    case 'legacy-error':
      return HttpResponse.json(
        {
          errors: { code: 401, message: 'Authentication needed' },
          meta: { message: 'Authentication needed.' },
        },
        { status: 401 },
      )
  }
}
