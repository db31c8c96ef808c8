import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'

/** Must equal DEFAULT_API_BASE in src/api/client.ts: the built app calls this path on its own origin. */
export const API_PATH = '/api/v1'

/** The upstream gets this long to answer (headers and body) before the client sees a 504. */
export const UPSTREAM_TIMEOUT_MS = 30_000

export const API_FLAVOURS = ['altegio', 'yclients'] as const
export type ApiFlavour = (typeof API_FLAVOURS)[number]

export interface BudgetConfig {
  perSecond: number
  perMinute: number
  maxQueue: number
  maxWaitMs: number
}

export interface Config {
  host: string
  port: number
  /** Where `/api/v1/*` goes; null means demo mode, where the in-browser mock answers the API. */
  upstream: URL | null
  /** Absolute path of the folder holding index.html and assets/. */
  staticDir: string
  upstreamTimeoutMs: number
  /** The upstream's rate limit, shared by every client of this server. */
  budget: BudgetConfig
  /** How long a stop may take: in-flight requests finish within it, then connections are cut. */
  shutdownGraceMs: number
  /** Written into index.html's kkm-api-flavour meta tag; null keeps what the build says. */
  apiFlavour: ApiFlavour | null
}

export type Env = Readonly<Record<string, string | undefined>>

const PROJECT_ROOT = resolve(import.meta.dirname, '..')

function parseUpstream(raw: string): URL {
  const example = 'such as https://api.alteg.io/api/v1'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`ALTEGIO_API_URL must be an absolute http(s) URL ${example}, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `ALTEGIO_API_URL must use http or https, got "${url.protocol.slice(0, -1)}" in "${raw}"`,
    )
  }
  // fetch refuses URLs with credentials, and they would end up in logs and /healthz otherwise.
  if (url.username || url.password) {
    throw new Error('ALTEGIO_API_URL must not contain a user name or password')
  }
  // The app's path and query are appended to it, so a query or fragment here would corrupt them.
  if (url.search || url.hash) {
    throw new Error(`ALTEGIO_API_URL must not have a query or fragment ${example}, got "${raw}"`)
  }
  return url
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 8080
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN
  if (!(port >= 1 && port <= 65535)) {
    throw new Error(`PORT must be an integer from 1 to 65535, got "${raw}"`)
  }
  return port
}

/** A whole number from the environment within [min, max], or the default when unset. */
function wholeNumber(
  env: Env,
  name: string,
  fallback: number,
  [min, max]: readonly [number, number],
): number {
  const raw = env[name]
  if (raw === undefined) return fallback
  const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN
  if (!(value >= min && value <= max)) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

/**
 * Altegio's documented limit is 5 a second and 200 a minute per address. The wait limit stays
 * under the console's own 20 s timeout, so a browser gets a clean 503 rather than giving up.
 */
function parseBudget(env: Env): BudgetConfig {
  return {
    perSecond: wholeNumber(env, 'ALTEGIO_RATE_PER_SECOND', 5, [1, 1_000_000]),
    perMinute: wholeNumber(env, 'ALTEGIO_RATE_PER_MINUTE', 200, [1, 100_000_000]),
    // Every request waits in the queue, if only for a moment: 0 would refuse them all.
    maxQueue: wholeNumber(env, 'ALTEGIO_QUEUE_LIMIT', 100, [1, 1_000_000]),
    maxWaitMs: wholeNumber(env, 'ALTEGIO_QUEUE_WAIT_MS', 18_000, [1, 600_000]),
  }
}

function parseFlavour(raw: string | undefined): ApiFlavour | null {
  if (raw === undefined) return null
  const flavour = API_FLAVOURS.find((each) => each === raw.trim())
  if (!flavour) {
    throw new Error(
      `ALTEGIO_API_FLAVOUR must be ${API_FLAVOURS.join(' or ')} (or unset to keep the build's), got "${raw}"`,
    )
  }
  return flavour
}

function parseHost(raw: string | undefined): string {
  if (raw === undefined) return '127.0.0.1'
  if (raw.trim() === '') throw new Error('HOST is set but empty; unset it to listen on 127.0.0.1')
  return raw.trim()
}

/**
 * Reads the server's settings from the environment. Throws an Error whose message is one line
 * saying what is wrong, for the operator to read on stderr.
 */
export function parseConfig(env: Env): Config {
  const rawUpstream = env.ALTEGIO_API_URL
  // Set but blank is a deployment mistake, not a request for the demo: never fall back silently.
  if (rawUpstream !== undefined && rawUpstream.trim() === '') {
    throw new Error(
      'ALTEGIO_API_URL is set but empty; set it to the API URL (such as https://api.alteg.io/api/v1) or unset it to serve the demo build',
    )
  }
  const upstream = rawUpstream === undefined ? null : parseUpstream(rawUpstream.trim())
  const port = parsePort(env.PORT)
  const host = parseHost(env.HOST)
  const budget = parseBudget(env)
  const shutdownGraceMs = wholeNumber(env, 'SHUTDOWN_GRACE_MS', 10_000, [0, 600_000])
  const apiFlavour = parseFlavour(env.ALTEGIO_API_FLAVOUR)

  const defaultDir = upstream ? 'dist' : 'dist-demo'
  const staticDir = env.STATIC_DIR
    ? isAbsolute(env.STATIC_DIR)
      ? env.STATIC_DIR
      : resolve(process.cwd(), env.STATIC_DIR)
    : resolve(PROJECT_ROOT, defaultDir)

  if (!existsSync(resolve(staticDir, 'index.html'))) {
    if (env.STATIC_DIR) throw new Error(`STATIC_DIR ${staticDir} has no index.html`)
    throw new Error(
      upstream
        ? `No build in ${staticDir}: run npm run build first`
        : `ALTEGIO_API_URL is not set and there is no demo build in ${staticDir}: run npm run build:demo first (or set ALTEGIO_API_URL to serve dist/)`,
    )
  }

  return {
    host,
    port,
    upstream,
    staticDir,
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
    budget,
    shutdownGraceMs,
    apiFlavour,
  }
}
