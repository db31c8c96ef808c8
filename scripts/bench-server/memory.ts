/** Resident memory and CPU time of a process and everything it started (tsx runs a child). */
import { readdirSync, readFileSync } from 'node:fs'

function parentOf(pid: number): number | null {
  try {
    // The command name may hold spaces and parentheses; the fields after its last ')' do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[1])
  } catch {
    return null
  }
}

function residentKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const parent = parentOf(pid)
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid])
  }
  const found: number[] = []
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop() ?? root
    found.push(pid)
    stack.push(...(children.get(pid) ?? []))
  }
  return found
}

/** Resident MB of the tree rooted at `pid`, summed. */
export function treeResidentMB(pid: number): number {
  const kib = descendants(pid).reduce((sum, each) => sum + residentKiB(each), 0)
  return Math.round((kib / 1024) * 10) / 10
}

/** Samples the tree's resident memory every 100 ms until stopped; returns the peak. */
export function samplePeak(pid: number): () => number {
  let peak = treeResidentMB(pid)
  const timer = setInterval(() => (peak = Math.max(peak, treeResidentMB(pid))), 100)
  return () => {
    clearInterval(timer)
    return Math.max(peak, treeResidentMB(pid))
  }
}

function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime, in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}

/** CPU milliseconds (user + system) the tree has used so far. */
export function treeCpuMs(pid: number): number {
  return descendants(pid).reduce((sum, each) => sum + cpuMs(each), 0)
}
