/**
 * The same loads through wrk (Debian's `wrk`, in C) where it is installed: autocannon parses
 * every answer in JavaScript and, on two cores, tops out near 1,000 answers a second of a 64 kB
 * asset whatever serves it; wrk measures the server rather than itself.
 */
import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export interface WrkResult {
  perSecond: number
  p50: number
  p99: number
}

export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined
}

function ms(value: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value ?? '')
  if (!match) return NaN
  const scale = { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's']
  return Math.round(Number(match[1]) * scale * 100) / 100
}

async function run(url: string, headers: Record<string, string>, seconds: number) {
  const args = ['-t1', '-c50', `-d${seconds}s`, '--latency', '--timeout', '10s']
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
  const { stdout } = await execFileAsync('wrk', [...args, url], { timeout: (seconds + 15) * 1000 })
  return stdout
}

/** A 2 s warm-up, then 5 s at 50 connections on one thread. */
export async function wrk(url: string, headers: Record<string, string>): Promise<WrkResult> {
  await run(url, headers, 2)
  const out = await run(url, headers, 5)
  return {
    perSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN)),
    p50: ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1]),
    p99: ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1]),
  }
}
