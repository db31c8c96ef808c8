/**
 * `npm run bench:server`: the production server under load, on the mock API.
 *
 * 1. Throughput at 50 connections of a hashed asset (as a browser asks: br, gzip), the SPA
 *    fallback and a proxied read, with the rate budget lifted so the proxy itself is measured;
 *    resident memory (peak and after) of the server's process tree.
 * 2. The shared budget at its defaults: five clients each asking 5 a second through one server,
 *    upstream behind a relay that counts what arrives (the mock in its strict profile, if it has
 *    one, answers a 6th request in a second with 429).
 *
 * Options: --project DIR (default: here; holds dist/ and the server), --server "command" (default
 * `node dist-server/index.js`), --label NAME, --amount N (requests per measured run, default 5000).
 * Run `npm run build` first. Nothing is asserted: the figures go to stdout.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { freePort, startService, stopAll, stopService, waitForHttp } from './bench/processes'
import { maxInWindow } from './bench/stats'
import { runClients } from './bench-server/clients'
import { measure, type LoadResult } from './bench-server/load'
import { samplePeak, treeCpuMs, treeResidentMB } from './bench-server/memory'
import { startRelay } from './bench-server/relay'
import { hasWrk, wrk, type WrkResult } from './bench-server/wrk'

const { values } = parseArgs({
  options: {
    project: { type: 'string', default: process.cwd() },
    server: { type: 'string', default: 'node dist-server/index.js' },
    label: { type: 'string', default: 'this checkout' },
    amount: { type: 'string', default: '5000' },
  },
})
const project = resolve(values.project)
const amount = Number(values.amount)
const [serverCommand = 'node', ...serverArgs] = values.server.split(' ').filter(Boolean)
const AUTHORIZATIONS = [
  'Bearer demo-partner-token, User demo-user-token',
  'Bearer demo-partner-token, User demo-cashier-token',
]
const LOG_READ = '/api/v1/kkm_transactions/1?page=1&count=50'

/**
 * The largest script index.html loads (a `<script src>` or a modulepreload): the chunk a page
 * load spends its bytes on. Not the first `<script>`: that is the small first-screen script, and
 * the module entry itself is about a kilobyte importing the preloaded chunk.
 */
function entryChunk(): string {
  const dist = join(project, 'dist')
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const scripts = [
    ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.js)"/g),
  ].map((match) => match[1] ?? '')
  const sized = scripts.map((src) => ({ src, size: statSync(join(dist, src)).size }))
  const largest = sized.sort((a, b) => b.size - a.size)[0]
  if (!largest) throw new Error('no script in dist/index.html: run npm run build')
  console.log(`hashed asset: ${largest.src}, ${(largest.size / 1000).toFixed(1)} kB`)
  return largest.src
}

async function startServer(upstream: string, env: Record<string, string>) {
  const port = await freePort()
  const service = startService('server', serverCommand, serverArgs, {
    PORT: String(port),
    HOST: '127.0.0.1',
    ALTEGIO_API_URL: `${upstream}/api/v1`,
    STATIC_DIR: join(project, 'dist'),
    ...env,
  })
  // The server's relative paths (dist-server/, server/) are from its project.
  service.child.stdout?.resume()
  await waitForHttp(service, `http://127.0.0.1:${port}/healthz`, 30_000)
  return { service, base: `http://127.0.0.1:${port}` }
}

async function throughput(mock: string) {
  // Lifted so the proxy's own cost is measured, not the upstream's budget.
  const { service, base } = await startServer(mock, {
    ALTEGIO_RATE_PER_SECOND: '100000',
    ALTEGIO_RATE_PER_MINUTE: '6000000',
    ALTEGIO_QUEUE_LIMIT: '100000',
  })
  const pid = service.child.pid ?? 0
  const idle = treeResidentMB(pid)
  const peak = samplePeak(pid)
  const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }
  const withWrk = hasWrk()
  const results: (LoadResult & { wrk: WrkResult | null })[] = []
  const runs: [string, string, Record<string, string>][] = [
    ['hashed asset (entry chunk)', entryChunk(), browser],
    ['SPA fallback', '/locations/1/transactions', browser],
    [
      'proxied read (50 log rows)',
      LOG_READ,
      { ...browser, Authorization: AUTHORIZATIONS[0] ?? '' },
    ],
  ]
  const phases: { name: string; peakMB: number; cpuMsPerRequest: number }[] = []
  for (const [name, path, headers] of runs) {
    const phasePeak = samplePeak(pid)
    const cpuBefore = treeCpuMs(pid)
    const result = await measure(name, { url: base + path, connections: 50, amount, headers })
    // Warm-up included: what the server spent on each answer, whatever else the machine ran.
    const cpuMsPerRequest = (treeCpuMs(pid) - cpuBefore) / (result.requests + Math.min(500, amount))
    results.push({ ...result, wrk: withWrk ? await wrk(base + path, headers) : null })
    phases.push({ name, peakMB: phasePeak(), cpuMsPerRequest })
  }
  const memory = { idle, peak: peak(), after: treeResidentMB(pid), phases }
  await stopService(service)
  return { results, memory }
}

/** Whether the mock answers a burst with 429 (its strict profile), rather than only echoing it. */
async function enforces(mock: string): Promise<boolean> {
  const statuses: number[] = []
  for (let i = 0; i < 7; i++) {
    const response = await fetch(`${mock}/api/v1/countries`, {
      headers: { Authorization: AUTHORIZATIONS[0] ?? '' },
    })
    await response.arrayBuffer()
    statuses.push(response.status)
  }
  // Let the probe's burst leave the mock's rolling second before the clients start.
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  return statuses.includes(429)
}

async function budget(mock: string) {
  const scenario = await fetch(`${mock}/__mock/scenario`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ profile: { rate: 'strict' } }),
  })
  await scenario.arrayBuffer()
  const strict = await enforces(mock)
  const relay = await startRelay(new URL(mock))
  const { service, base } = await startServer(relay.url, {})
  const startedAt = relay.arrivals.length
  const peak = samplePeak(service.child.pid ?? 0)
  const clients = await runClients({
    url: base + LOG_READ,
    clients: 5,
    requestsEach: 20,
    intervalMs: 200,
    authorizations: AUTHORIZATIONS,
    timeoutMs: 20_000,
  })
  const arrivals = relay.arrivals.slice(startedAt)
  const peakMB = peak()
  await stopService(service)
  await relay.close()
  await fetch(`${mock}/__mock/reset`, { method: 'POST' })
  return {
    strict,
    peakMB,
    clients,
    upstream: {
      requests: arrivals.length,
      maxInAnySecond: maxInWindow(arrivals, 1000),
      maxInAnyMinute: maxInWindow(arrivals, 60_000),
    },
  }
}

async function main() {
  if (!existsSync(join(project, 'dist', 'index.html'))) {
    throw new Error(`no build in ${project}/dist: run npm run build first`)
  }
  const mockPort = await freePort()
  const mockApi = startService('mock-api', 'node_modules/.bin/tsx', ['scripts/mock-api.ts'], {
    PORT: String(mockPort),
    HOST: '127.0.0.1',
  })
  const mock = `http://127.0.0.1:${mockPort}`
  await waitForHttp(mockApi, `${mock}/__mock/scenario`, 30_000)

  process.chdir(project)
  const load = await throughput(mock)
  const shared = await budget(mock)

  console.log(`\n## Production server bench: ${values.label} (${values.server})\n`)
  console.log(
    `| 50 connections, ${amount} requests | requests/s | p50 ms | p99 ms | non-2xx | server CPU ms/request | peak RSS MB |`,
  )
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  load.results.forEach((r, i) => {
    const phase = load.memory.phases[i]
    const cpu = phase?.cpuMsPerRequest.toFixed(2) ?? '?'
    console.log(
      `| ${r.name} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} | ${cpu} | ${phase?.peakMB ?? '?'} |`,
    )
  })
  if (load.results.some((r) => r.wrk)) {
    console.log(
      '\n| wrk, 50 connections, 5 s after 2 s of warm-up | requests/s | p50 ms | p99 ms |',
    )
    console.log('| --- | ---: | ---: | ---: |')
    for (const r of load.results) {
      if (r.wrk) console.log(`| ${r.name} | ${r.wrk.perSecond} | ${r.wrk.p50} | ${r.wrk.p99} |`)
    }
  } else {
    console.log(
      '\n(wrk is not installed: apt-get install wrk adds a load tool that is not the bottleneck)',
    )
  }
  const { idle, peak, after } = load.memory
  console.log(
    `\nResident memory (server process tree): ${idle} MB idle, ${peak} MB peak, ${after} MB after`,
  )
  const { clients, upstream } = shared
  console.log(
    `\nShared budget: 5 clients × 20 reads at 5 a second (${clients.sent} requests); mock strict profile: ${shared.strict ? 'on' : 'not available'}`,
  )
  console.log(`- answers: ${JSON.stringify(clients.byStatus)}; lost: ${clients.lost}`)
  console.log(
    `- upstream saw ${upstream.requests} requests, at most ${upstream.maxInAnySecond} in any second and ${upstream.maxInAnyMinute} in any minute`,
  )
  console.log(
    `- slowest answer ${clients.slowestMs} ms; all answered after ${clients.elapsedMs} ms`,
  )
  console.log(`- server resident memory at most ${shared.peakMB} MB`)
}

const watchdog = setTimeout(() => {
  console.error('bench:server took over 10 minutes; stopping')
  void stopAll().then(() => process.exit(1))
}, 600_000)

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  })
  .finally(() => {
    clearTimeout(watchdog)
    void stopAll()
  })
