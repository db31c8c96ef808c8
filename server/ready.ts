import { retryAfterMs } from './proxy.ts'
import type { Config } from './config.ts'
import type { Runtime } from './runtime.ts'
import type { Handler } from 'hono'

/** Any upstream answer this recent makes the server ready; past it, /readyz asks itself. */
export const READY_WITHIN_MS = 60_000
const PROBE_TIMEOUT_MS = 5_000

/**
 * `/readyz`: can this server do its job, i.e. did the upstream answer recently. An idle server
 * has seen no answer, so it probes the API's base URL once (through the shared budget, one probe
 * at a time): any HTTP answer, a 401 or 404 included, shows the API is reachable. A 429 shows
 * it too, and that the address is over its limit: everyone waits its Retry-After, as after a
 * proxied request's 429.
 */
export function readiness(config: Config, runtime: Runtime): Handler {
  let probing: Promise<void> | null = null

  async function probe(upstream: URL): Promise<void> {
    try {
      const slot = await runtime.budget.acquire('readyz')
      try {
        const response = await fetch(upstream, {
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
          redirect: 'manual',
        })
        await response.arrayBuffer()
        runtime.health.lastAnswerAt = performance.now()
        if (response.status === 429) {
          const pauseMs = retryAfterMs(response.headers.get('retry-after'))
          runtime.budget.pause(pauseMs)
          console.error(`upstream 429, budget paused ${pauseMs}ms: /readyz probe`)
        }
      } finally {
        slot.release()
      }
    } catch {
      // Unreachable, too slow or refused by the budget: not ready, and the answer says so.
    }
  }

  const answeredRecently = () => {
    const at = runtime.health.lastAnswerAt
    return at !== null && performance.now() - at < READY_WITHIN_MS
  }

  return async (c) => {
    c.header('Cache-Control', 'no-store')
    const upstream = config.upstream
    if (runtime.draining) return c.json({ status: 'stopping' }, 503)
    if (!upstream) return c.json({ status: 'ready', upstream: 'demo' })
    if (!answeredRecently()) {
      probing ??= probe(upstream).finally(() => (probing = null))
      await probing
    }
    const at = runtime.health.lastAnswerAt
    const answered = at === null ? null : Math.round((performance.now() - at) / 1000)
    const body = { upstream: upstream.origin, lastAnswerSecondsAgo: answered }
    return answeredRecently()
      ? c.json({ status: 'ready', ...body })
      : c.json({ status: 'not ready', ...body }, 503)
  }
}
