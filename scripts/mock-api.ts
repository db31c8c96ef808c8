/**
 * The embedded Altegio API as a real HTTP server, for curl, the production server's proxy and
 * the browser tests: `npm run mock-api` (PORT, default 4010; HOST, default 127.0.0.1).
 * `POST /__mock/scenario` (JSON, see src/mocks/scenarios.ts; `{"profile":"harshest"}` or
 * `{"profile":{"rate":"strict"}}` for a server profile) and `POST /__mock/reset` steer it
 * (src/mocks/control.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import { control } from '../src/mocks/control'
import { handlers } from '../src/mocks/handlers'

const port = Number(process.env.PORT ?? 4010)
const host = process.env.HOST ?? '127.0.0.1'
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number from 1 to 65535, got "${process.env.PORT}"`)
  process.exit(1)
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id',
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...CORS })
  res.end(JSON.stringify(body))
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`)
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS)
    res.end()
    return
  }
  const body = await readBody(req)
  const steered = control(url.pathname, req.method ?? 'GET', body.toString())
  if (steered) {
    sendJson(res, steered.status, steered.body)
    return
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) headers.set(name, value.join(', '))
  }
  const request = new Request(url, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
  })
  const response = await getResponse(handlers, request)
  if (!response) {
    sendJson(res, 404, { success: false, data: null, meta: { message: 'Not found.' } })
    return
  }
  if (response.type === 'error') {
    // A network error: drop the connection, as a failing network would.
    req.socket.destroy()
    return
  }
  const outHeaders: Record<string, string> = { ...CORS }
  response.headers.forEach((value, name) => (outHeaders[name] = value))
  res.writeHead(response.status, outHeaders)
  res.end(Buffer.from(await response.arrayBuffer()))
})

server.listen(port, host, () => {
  console.log(
    `Mock Altegio API on http://${host}:${port}/api/v1 (partner token "demo-partner-token", user token "demo-user-token")`,
  )
})
