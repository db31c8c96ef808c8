import { delay, http, HttpResponse, type HttpResponseResolver, type PathParams } from 'msw'
import type { paths } from '@/api/schema.gen'
import { activeFault, faultResponse, scenario, type OperationId } from './scenarios'

type Method = 'get' | 'post'
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>
type Responses<O> = O extends { responses: infer R } ? R : never
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never
type RequestBodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : never

/** Every answer a route may give: a status the spec lists, with exactly the body the spec allows. */
export type Reply<P extends keyof paths, M extends Method> = {
  [S in keyof Responses<Operation<P, M>>]: {
    status: S
    body: JsonOf<Responses<Operation<P, M>>[S]>
    headers?: Record<string, string>
  }
}[keyof Responses<Operation<P, M>>]

interface RouteContext<P extends keyof paths, M extends Method> {
  request: Request
  params: PathParams
  url: URL
  /** The JSON body as sent, unvalidated (validation is the handler's job, as on the real API). */
  readBody: () => Promise<Partial<RequestBodyOf<Operation<P, M>>> | null>
}

/** `{location_id}` → `:location_id`, under any origin and the API's `/api/v1` base. */
function mswPath(path: string): string {
  return `*/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`
}

/**
 * A route typed by the spec: a reply whose status or body the spec does not allow does not compile.
 * Faults from the active scenario are answered before the route runs, except for faults that
 * model a lost answer (`network`, `timeout`), which happen after the route's side effects.
 */
export function route<P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  operationId: OperationId,
) {
  // Curried so that P and M are fixed before the handler is checked against them.
  return (handle: (context: RouteContext<P, M>) => Reply<P, M> | Promise<Reply<P, M>>) => {
    const resolver: HttpResponseResolver = async ({ request, params }) => {
      if (scenario.latencyMs > 0) await delay(scenario.latencyMs)
      const fault = activeFault(operationId)
      if (fault && fault !== 'network' && fault !== 'timeout') return faultResponse(fault)
      const readBody = async () => {
        try {
          return (await request.clone().json()) as Partial<RequestBodyOf<Operation<P, M>>>
        } catch {
          return null
        }
      }
      const reply = await handle({ request, params, url: new URL(request.url), readBody })
      if (fault) return faultResponse(fault)
      return HttpResponse.json(reply.body as never, {
        status: Number(reply.status),
        headers: reply.headers,
      })
    }
    return http[method](mswPath(path), resolver)
  }
}
