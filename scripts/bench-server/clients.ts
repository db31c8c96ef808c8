/**
 * Simulated tabs that each keep to the browser's own limit (5 a second) and read the log through
 * the production server at the same time: what a salon's tills do to the shared address.
 */
export interface ClientsOptions {
  url: string
  clients: number
  requestsEach: number
  intervalMs: number
  /** One Authorization per client; they repeat when there are fewer than clients. */
  authorizations: string[]
  timeoutMs: number
}

export interface ClientsResult {
  sent: number
  byStatus: Record<string, number>
  /** Requests that got no HTTP answer at all (dropped, timed out in the client). */
  lost: number
  slowestMs: number
  elapsedMs: number
}

async function one(url: string, authorization: string, timeoutMs: number) {
  const started = performance.now()
  try {
    const response = await fetch(url, {
      headers: { Authorization: authorization, Accept: 'application/vnd.api.v2+json' },
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.arrayBuffer()
    return { status: String(response.status), ms: performance.now() - started }
  } catch {
    return { status: 'lost', ms: performance.now() - started }
  }
}

export async function runClients(options: ClientsOptions): Promise<ClientsResult> {
  const started = performance.now()
  const pending: Promise<{ status: string; ms: number }>[] = []
  for (let round = 0; round < options.requestsEach; round++) {
    for (let client = 0; client < options.clients; client++) {
      const authorization = options.authorizations[client % options.authorizations.length] ?? ''
      pending.push(one(options.url, authorization, options.timeoutMs))
    }
    if (round < options.requestsEach - 1) {
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs))
    }
  }
  const answers = await Promise.all(pending)
  const byStatus: Record<string, number> = {}
  for (const { status } of answers) byStatus[status] = (byStatus[status] ?? 0) + 1
  return {
    sent: answers.length,
    byStatus,
    lost: byStatus.lost ?? 0,
    slowestMs: Math.round(Math.max(...answers.map((answer) => answer.ms))),
    elapsedMs: Math.round(performance.now() - started),
  }
}
