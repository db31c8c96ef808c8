import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { hashedAssets } from './assets.ts'
import { API_PATH, type Config } from './config.ts'
import { envelope } from './envelope.ts'
import { proxyTo } from './proxy.ts'
import { readiness } from './ready.ts'
import { createRuntime, type Runtime } from './runtime.ts'
import { indexPage, staticFiles } from './static.ts'

export { createRuntime, type Runtime } from './runtime.ts'

/**
 * No inline or eval'd script anywhere. `style-src 'unsafe-inline'` is for the `<style>` elements
 * Mantine writes at runtime; see docs/production-server.md for why that cannot run script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The console uses none of these; denying them means injected code cannot either. Only features
 * Chromium recognises: an unknown one makes it log an error on every page load.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
]

/** No includeSubDomains: other hosts under the operator's domain are not ours to pin to https. */
const HSTS = 'max-age=31536000'
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** API requests are small JSON; the proxy buffers them, so cap what a client can make it hold. */
const MAX_REQUEST_BODY_BYTES = 1024 * 1024

/** The raw (still percent-encoded) path: safe to log, and what the upstream should receive. */
function rawPath(c: Context): string {
  return new URL(c.req.url).pathname
}

function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:'
}

/** Strips anything token-shaped from text bound for a log, including this request's own header. */
function redact(text: string, c: Context): string {
  const authorization = c.req.header('authorization')
  const withoutHeader = authorization ? text.split(authorization).join('[redacted]') : text
  return withoutHeader.replace(/\b(Bearer|User)\s+[^\s,]+/gi, '$1 [redacted]')
}

const accessLog: MiddlewareHandler = async (c, next) => {
  const started = performance.now()
  await next()
  const ms = Math.round(performance.now() - started)
  console.log(`${c.req.method} ${rawPath(c)} ${c.res.status} ${ms}ms`)
}

const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  const headers = c.res.headers
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value)
  // Over plain http a browser ignores HSTS anyway; dropping it keeps an upstream's own HSTS
  // from leaking onto our origin.
  if (isHttps(c)) headers.set('Strict-Transport-Security', HSTS)
  else headers.delete('Strict-Transport-Security')
}

/**
 * Hashed build output never changes under one name; everything else (index.html above all) must be
 * revalidated so a deploy is picked up. API responses keep whatever the upstream said.
 */
const cachePolicy: MiddlewareHandler = async (c, next) => {
  await next()
  if (c.res.headers.has('Cache-Control')) return
  const hashedAsset = c.req.path.startsWith('/assets/') && c.res.ok
  c.res.headers.set('Cache-Control', hashedAsset ? IMMUTABLE : 'no-cache')
}

/** The whole server minus the socket: tests drive it with `app.request`. */
export function createApp(config: Config, runtime: Runtime = createRuntime(config)): Hono {
  const app = new Hono()
  const root = config.staticDir

  // Keep-alive connections would otherwise hold a stopping server open until they idle out.
  const closeWhenDraining: MiddlewareHandler = async (c, next) => {
    await next()
    if (runtime.draining) c.res.headers.set('Connection', 'close')
  }
  app.use('*', accessLog, closeWhenDraining, securityHeaders, compress())

  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'ok', upstream: config.upstream ? config.upstream.origin : 'demo' })
  })
  app.get('/readyz', readiness(config, runtime))

  // Registered before the cache policy: API responses keep the upstream's own Cache-Control.
  if (config.upstream) {
    const limitBody = bodyLimit({
      maxSize: MAX_REQUEST_BODY_BYTES,
      onError: (c) => c.json(envelope('The request body is too large.'), 413),
    })
    app.all(
      `${API_PATH}/*`,
      // Only where a body can be: bodyLimit asks for the request's body stream, which makes the
      // node adapter build a whole web Request for a read that has none.
      async (c, next) =>
        c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
      proxyTo({
        upstream: config.upstream,
        timeoutMs: config.upstreamTimeoutMs,
        budget: runtime.budget,
        health: runtime.health,
        inFlight: runtime.inFlight,
      }),
    )
  } else {
    // The demo build answers the API inside the browser (MSW); a request that gets here slipped
    // past the service worker and must not be answered with index.html.
    app.all(`${API_PATH}/*`, (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json(envelope('This demo server has no API; the in-browser mock answers it.'), 503)
    })
  }

  app.use('*', cachePolicy)

  const index = indexPage(root, config.apiFlavour)
  app.get('/', index)
  app.get('/index.html', index)

  app.use('/assets/*', hashedAssets(root), staticFiles(root))
  // A stale index.html asking for an asset from an older deploy must get a 404, not HTML.
  app.all('/assets/*', (c) => c.text('Not found', 404))

  // Build metadata such as .vite/manifest.json is not for the public: no dot-paths are served.
  app.use('*', async (c, next) =>
    c.req.path.split('/').some((part) => part.startsWith('.')) ? c.notFound() : next(),
  )
  // Only a name with an extension can be a file (favicon.svg, mockServiceWorker.js); a client
  // route goes straight to the page instead of costing a failed look-up on disk first.
  const files = staticFiles(root)
  app.use('*', async (c, next) => (/\.[^/]*$/.test(c.req.path) ? files(c, next) : next()))
  // Client-side routes (/locations/1/transactions, /tax-systems/1): the SPA resolves them.
  app.get('*', index)

  app.notFound((c) => c.text('Not found', 404))
  app.onError((error, c) => {
    console.error(`${c.req.method} ${rawPath(c)} failed: ${redact(String(error), c)}`)
    return rawPath(c).startsWith(`${API_PATH}/`)
      ? c.json(envelope('The server failed to handle the request.'), 500)
      : c.text('Internal server error', 500)
  })

  return app
}
