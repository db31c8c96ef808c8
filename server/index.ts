/**
 * `npm run serve`: the built console plus a proxy to the Altegio API. Settings come from the
 * environment (see docs/production-server.md); a bad one stops it here with one line on stderr.
 */
import { relative } from 'node:path'
import { serve } from '@hono/node-server'
import { createApp, createRuntime } from './app.ts'
import { parseConfig, type Config } from './config.ts'
import { stopOnSignals } from './shutdown.ts'

function loadConfig(): Config {
  try {
    return parseConfig(process.env)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}

const config = loadConfig()
const fromCwd = relative(process.cwd(), config.staticDir)
const folder = fromCwd === '' ? '.' : fromCwd.startsWith('..') ? config.staticDir : fromCwd
if (config.upstream) {
  console.log(`Serving ${folder}/, proxying /api/v1 to ${config.upstream.href}`)
} else {
  console.log(
    `ALTEGIO_API_URL is not set: serving the demo build ${folder}/, whose API is an in-browser mock`,
  )
}

const runtime = createRuntime(config)
const server = serve(
  { fetch: createApp(config, runtime).fetch, hostname: config.host, port: config.port },
  (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
    console.log(`KKM Console listening on http://${host}:${info.port}`)
  },
)

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message
  console.error(`Cannot listen on ${config.host}:${config.port}: ${reason}`)
  process.exit(1)
})

stopOnSignals(server, runtime, config.shutdownGraceMs)
