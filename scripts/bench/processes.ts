/** Child processes for the bench: the build, the mock API and the production server. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

export interface Service {
  name: string
  child: ChildProcess
  /** The last lines it printed, for the error message if it fails. */
  output: () => string
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>
}

const live = new Set<Service>()

/**
 * Starts `command` in its own process group (npm → sh → tsx → node), so that stopping it stops
 * the whole tree by the group's id and nothing else.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): Service {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean))
    if (lines.length > 40) lines.splice(0, lines.length - 40)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.once('error', (error) => {
      lines.push(String(error))
      resolve(null)
    })
  })
  const service: Service = { name, child, output: () => lines.join('\n'), exited }
  live.add(service)
  void exited.then(() => live.delete(service))
  return service
}

function signalGroup(service: Service, signal: NodeJS.Signals): void {
  const pid = service.child.pid
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the service's process group, SIGKILL after `graceMs` if it is still there. */
export async function stopService(service: Service, graceMs = 5_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) {
    signalGroup(service, 'SIGKILL') // grandchildren of an exited npm, if any
    return
  }
  signalGroup(service, 'SIGTERM')
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs))
  if ((await Promise.race([service.exited, timer])) === 'timeout') signalGroup(service, 'SIGKILL')
  signalGroup(service, 'SIGKILL')
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((service) => stopService(service)))
}

/** For a synchronous exit path (a signal): no waiting, just SIGKILL every group we started. */
export function killAllNow(): void {
  for (const service of live) signalGroup(service, 'SIGKILL')
}

/** Runs a command to completion with a time limit; throws with its output if it fails. */
export async function runCommand(
  name: string,
  command: string,
  args: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<void> {
  const service = startService(name, command, args, env)
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))
  const code = await Promise.race([service.exited, timer])
  if (code === 'timeout') {
    await stopService(service, 1_000)
    throw new Error(`${name} took over ${timeoutMs / 1000} s\n${service.output()}`)
  }
  if (code !== 0) throw new Error(`${name} failed (exit ${code})\n${service.output()}`)
}

/** Polls `url` until it answers 2xx, the service exits, or `timeoutMs` passes. */
export async function waitForHttp(service: Service, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void service.exited.then(() => (exited = true))
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited before it was ready\n${service.output()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s\n${service.output()}`)
}
