/** One bounded autocannon run: a fixed number of requests over a fixed number of connections. */
import autocannon from 'autocannon'

export interface LoadResult {
  name: string
  requests: number
  perSecond: number
  p50: number
  p99: number
  /** Answers other than 2xx, and connection errors or timeouts. */
  non2xx: number
  errors: number
}

export interface LoadOptions {
  url: string
  connections: number
  amount: number
  headers?: Record<string, string>
}

function run(options: LoadOptions): Promise<autocannon.Result> {
  return autocannon({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    headers: options.headers,
    timeout: 10,
  })
}

/** A short warm-up (JIT, page cache, keep-alive sockets) and then the measured run. */
export async function measure(name: string, options: LoadOptions): Promise<LoadResult> {
  await run({ ...options, amount: Math.min(500, options.amount) })
  const result = await run(options)
  const total = result.requests.total
  return {
    name,
    requests: total,
    perSecond: Math.round(total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
