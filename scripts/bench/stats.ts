/** Small statistics helpers: nearest-rank percentiles, medians of runs, sliding windows. */

/** Nearest-rank percentile (p in 0..100) of the values; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? null
}

/** The median (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] ?? 0
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2
}

/** Median of one numeric field across runs, ignoring runs where it is null. */
export function medianOf<T>(runs: readonly T[], pick: (run: T) => number | null): number | null {
  return median(runs.map(pick).filter((value): value is number => value !== null))
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** The most timestamps (ms) that fall in any half-open window [t, t + windowMs). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

/** The shortest span between a request and the `n`-th one after it; null if there are too few. */
export function minSpan(times: readonly number[], n: number): number | null {
  const sorted = [...times].sort((a, b) => a - b)
  let best: number | null = null
  for (let i = 0; i + n < sorted.length; i++) {
    const span = (sorted[i + n] ?? 0) - (sorted[i] ?? 0)
    if (best === null || span < best) best = span
  }
  return best
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null
  return a / b
}
