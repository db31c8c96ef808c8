import { delay, http, type HttpResponseResolver, type PathParams } from 'msw'
import type { paths } from '@/api/schema.gen'
import { jsonAnswer } from './errors'
import { faultResponse } from './faults'
import { refusal } from './gate'
import { activeFault, scenario, type OperationId } from './scenarios'

type Method = 'get' | 'post'
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>
type Responses<O> = O extends { responses: infer R } ? R : never
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never
type RequestBodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : never
type StatusOf<P extends keyof paths, M extends Method> = keyof Responses<Operation<P, M>> & number
type BodyOf<P extends keyof paths, M extends Method, S extends StatusOf<P, M>> = JsonOf<
  Responses<Operation<P, M>>[S]
>

declare const answerBrand: unique symbol
/** An answer made by `reply`, and only by it, so every body passes through its type check. */
export interface Answer<P extends keyof paths, M extends Method> {
  readonly [answerBrand]: [P, M]
  status: StatusOf<P, M>
  body: unknown
  headers?: Record<string, string>
}

interface RouteContext<P extends keyof paths, M extends Method> {
  request: Request
  params: PathParams
  url: URL
  /** The JSON body as sent, unvalidated (validation is the handler's job, as on the real API). */
  readBody: () => Promise<Partial<RequestBodyOf<Operation<P, M>>> | null>
  /**
   * The answer: a status the spec lists for this operation, with the body the spec allows for
   * that status. The body is an argument, so TypeScript's excess-property check also rejects
   * fields the spec does not list.
   */
  reply: <S extends StatusOf<P, M>>(
    status: S,
    body: BodyOf<P, M, S>,
    headers?: Record<string, string>,
  ) => Answer<P, M>
}

/** `{location_id}` → `:location_id`, under any origin and the API's `/api/v1` base. */
function mswPath(path: string): string {
  return `*/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`
}

/**
 * A route typed by the spec. A strict profile's refusals (Accept, rate) are decided on arrival,
 * before the scenario's latency (a refusal takes as long to come back as an answer), then faults
 * from the active scenario are answered before the route runs,
 * except the faults that model a lost answer (`network`, `timeout`): those strike after the
 * route's side effects, as when a receipt is printed but the answer never arrives. Every error
 * body leaves in the profile's error shape.
 * Curried so that the path and method are fixed before the handler is checked against them.
 */
export function route<P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  operationId: OperationId,
) {
  return (handle: (context: RouteContext<P, M>) => Answer<P, M> | Promise<Answer<P, M>>) => {
    const resolver: HttpResponseResolver = async ({ request, params }) => {
      // Judged as it arrives, as a server counts its rate: delayed first, requests sent seconds
      // apart reached the window together whenever the latency fell mid-flight, and were refused.
      const refused = refusal(request, scenario.profile)
      if (scenario.latencyMs > 0) await delay(scenario.latencyMs)
      if (refused) return refused
      const fault = activeFault(operationId)
      if (fault && fault !== 'network' && fault !== 'timeout')
        return faultResponse(fault, scenario.profile)
      const readBody = async () => {
        try {
          return (await request.clone().json()) as Partial<RequestBodyOf<Operation<P, M>>>
        } catch {
          return null
        }
      }
      const reply: RouteContext<P, M>['reply'] = (status, body, headers) =>
        ({ status, body, headers }) as unknown as Answer<P, M>
      const answer = await handle({ request, params, url: new URL(request.url), readBody, reply })
      if (fault) return faultResponse(fault, scenario.profile)
      return jsonAnswer(answer.status, answer.body, scenario.profile, answer.headers)
    }
    return http[method](mswPath(path), resolver)
  }
}
