// `npm run serve` stopping on SIGTERM: the real process (through tsx), a real upstream that holds
// a print's answer until the test lets it go. (jsdom: test/setup.ts needs it; fetch is Node's.)
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { request as httpRequest, type ServerResponse } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  fakeUpstream,
  json,
  letLocalRequestsThrough,
  tempBuild,
  type FakeUpstream,
} from './server-support'

const PRINTED = { success: true, data: { kkm_transaction_id: 9001 }, meta: [] }

let staticDir: string
let upstream: FakeUpstream
/** The print's response, held open until the test answers it. */
let held: ServerResponse | null = null
let onHeld: () => void = () => undefined

beforeAll(async () => {
  staticDir = tempBuild()
  upstream = await fakeUpstream((_request, response) => {
    held = response
    onHeld()
  })
})

afterAll(async () => {
  await upstream.close()
  rmSync(staticDir, { recursive: true, force: true })
})

let child: ChildProcess | null = null

beforeEach(() => {
  held = null
  upstream.received.length = 0
  letLocalRequestsThrough()
})

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  child = null
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface Running {
  base: string
  /** Resolves when a line matching `pattern` has been printed, on stdout or stderr. */
  printed: (pattern: RegExp) => Promise<void>
  /** Everything printed so far, stdout and stderr interleaved as they came. */
  output: () => string
  exited: Promise<number | null>
}

async function startServer(env: Record<string, string>): Promise<Running> {
  const port = await freePort()
  const started = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      ALTEGIO_API_URL: `${upstream.url}/api/v1`,
      STATIC_DIR: staticDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = started
  let output = ''
  const waiters: { pattern: RegExp; resolve: () => void }[] = []
  const take = (chunk: Buffer) => {
    output += chunk.toString()
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  }
  started.stdout?.on('data', take)
  started.stderr?.on('data', take)
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      if (pattern.test(output)) resolve()
      else waiters.push({ pattern, resolve })
    })
  const exited = new Promise<number | null>((resolve) => started.once('exit', resolve))
  await printed(/listening on/)
  return { base: `http://127.0.0.1:${port}`, printed, output: () => output, exited }
}

function print(base: string): Promise<Response> {
  return fetch(`${base}/api/v1/kkm_transactions/1/print_document_bill`, {
    method: 'POST',
    body: '{"document_id":42}',
    headers: { Authorization: 'Bearer p, User u', 'Content-Type': 'application/json' },
  })
}

/**
 * A print on a connection of its own, which `leave` closes as a closed tab would: fetch's pool
 * may keep a spare connection to the server, and that alone would hold a stopping server open.
 */
function leavingPrint(base: string): { leave: () => void } {
  const sending = httpRequest(`${base}/api/v1/kkm_transactions/1/print_document_bill`, {
    method: 'POST',
    agent: false,
    headers: { Authorization: 'Bearer p, User u', 'Content-Type': 'application/json' },
  })
  sending.on('error', () => undefined) // the socket it destroys
  sending.end('{"document_id":42}')
  return { leave: () => sending.destroy() }
}

describe('stopping on SIGTERM', () => {
  it('stops accepting, brings a print already sent upstream its answer, then exits 0', async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: '20000' })
    const upstreamHasIt = new Promise<void>((resolve) => (onHeld = resolve))
    const printing = print(server.base)
    await upstreamHasIt

    child?.kill('SIGTERM')
    await server.printed(/SIGTERM: not accepting connections/)
    await expect(fetch(`${server.base}/healthz`)).rejects.toThrow()

    if (!held) throw new Error('the upstream holds no request')
    json(held, 200, PRINTED)
    const answer = await printing
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual(PRINTED)
    expect(await server.exited).toBe(0)
    expect(upstream.received.map((r) => `${r.method} ${r.body}`)).toEqual([
      'POST {"document_id":42}',
    ])
  })

  it('waits for a print whose browser left, and logs how it ended, before exiting 0', async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: '20000' })
    const upstreamHasIt = new Promise<void>((resolve) => (onHeld = resolve))
    const left = leavingPrint(server.base)
    await upstreamHasIt
    left.leave()
    await server.printed(/browser left; the upstream has the request/)

    // No connection is left to hold the server open (as when the tab closed): only the print is.
    child?.kill('SIGTERM')
    await server.printed(/SIGTERM: not accepting connections/)
    if (!held) throw new Error('the upstream holds no request')
    json(held, 200, PRINTED)
    expect(await server.exited).toBe(0)
    const lines = server.output().trim().split('\n')
    expect(lines).toContain(
      'browser left before the answer; upstream answered 200: POST /api/v1/kkm_transactions/1/print_document_bill',
    )
    expect(lines.at(-1)).toBe('Stopped: every request answered')
  })

  it('exits within SHUTDOWN_GRACE_MS even if the upstream never answers', async () => {
    const server = await startServer({ SHUTDOWN_GRACE_MS: '200' })
    const upstreamHasIt = new Promise<void>((resolve) => (onHeld = resolve))
    const printing = print(server.base).catch((error: unknown) => error)
    await upstreamHasIt
    child?.kill('SIGTERM')
    expect(await server.exited).toBe(1)
    await server.printed(/Still busy after 200 ms/)
    expect(await printing).toBeInstanceOf(Error)
  })
})
