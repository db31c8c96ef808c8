/** Helpers for the production server's tests: a hand-driven clock, a stand-in upstream, a build. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { http, passthrough } from 'msw'
import { server as mswServer } from '@/mocks/node'
import type { Clock } from '../server/budget'
import type { AddressInfo } from 'node:net'

export class FakeClock implements Clock {
  private time = 0
  private readonly timers = new Map<number, { at: number; callback: () => void }>()
  private nextId = 1

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++
    this.timers.set(id, { at: this.time + ms, callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number)
  }

  /** Fires the earliest timer due by `to`, moving time to it; false when none is. */
  fireNext(to: number): boolean {
    const due = [...this.timers.entries()]
      .filter(([, timer]) => timer.at <= to)
      .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
    if (!due) return false
    this.timers.delete(due[0])
    this.time = Math.max(this.time, due[1].at)
    due[1].callback()
    return true
  }

  /** Moves time to `to`, firing every timer due on the way, earliest first. */
  advanceTo(to: number): void {
    while (this.fireNext(to)) {
      // each timer fired in turn
    }
    this.time = to
  }
}

export interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export interface FakeUpstream {
  url: string
  received: Received[]
  close: () => Promise<void>
}

/** A stand-in for the Altegio API on 127.0.0.1: records what reaches it; `answer` replies. */
export async function fakeUpstream(
  answer: (request: Received, response: ServerResponse) => void,
): Promise<FakeUpstream> {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      }
      received.push(request)
      answer(request, res)
    })
  })
  const port = await listen(server)
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
}

export function json(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

/**
 * The proxy's fetch goes through MSW's interceptor (test/setup.ts fails unhandled requests); the
 * sockets here are real. Call in beforeEach: setup resets handlers after every test.
 */
export function letLocalRequestsThrough(): void {
  mswServer.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
}

export const INDEX_HTML = `<!doctype html><html><head><meta name="kkm-api-flavour" content="altegio" /><title>KKM Console</title><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>`

/** A build folder holding index.html and whatever else is given, relative path → content. */
export function tempBuild(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kkm-serve-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content)
  return dir
}
