/**
 * Lighthouse through its Node API on a Puppeteer page (puppeteer-core comes with lighthouse), so
 * that pages behind sign-in can get the session in sessionStorage before the app starts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse'
import puppeteer, { type Browser } from 'puppeteer-core'
import { CHROMIUM_PATH } from '../chromium'
import { sessionInitScript } from './page-scripts'
import { median, round } from './stats'
import { withTimeout } from './timeout'

/**
 * Lighthouse's two presets, and a cheap tablet: the mobile preset's network at the cashier's
 * 800×1280 screen, with the CPU slowed by what this machine needs to score as a low-tier device.
 * The mobile preset's fixed ×4 makes a phone of a different class on every host (its score moved
 * 82 → 98 between two sessions' machines); the tablet's figures mean the same device on any.
 */
export type Preset = 'mobile' | 'desktop' | 'tablet'

/**
 * Lighthouse's benchmarkIndex of a low-tier Android device (a Moto G4 Power 2022), as Chrome
 * DevTools' CPU calibration targets it (its mid-tier, a Pixel 5, is 1,000).
 */
const LOW_TIER_INDEX = 264

/** The CPU slowdown that makes a host of `hostIndex` run as the low-tier device, to 0.1. */
function tabletSlowdown(hostIndex: number): number {
  return Math.max(1, Math.round((hostIndex / LOW_TIER_INDEX) * 10) / 10)
}

function presetConfig(preset: Preset, cpuSlowdown: number | null): Config | undefined {
  if (preset === 'desktop') return desktopConfig
  if (preset === 'mobile' || cpuSlowdown === null) return undefined
  return {
    extends: 'lighthouse:default',
    settings: {
      throttling: { cpuSlowdownMultiplier: cpuSlowdown },
      screenEmulation: {
        mobile: true,
        width: 800,
        height: 1280,
        deviceScaleFactor: 1.5,
        disabled: false,
      },
    },
  }
}

export interface LighthousePage {
  name: string
  path: string
  /** Needs the signed-in session. */
  session: boolean
  /** What this browser remembers (localStorage `kkm.preferences`): a returning user's; null: nothing. */
  preferences?: unknown
}

export interface LighthouseEntry {
  page: string
  path: string
  preset: Preset
  finalPath: string | null
  /** The page was measured, not the sign-in page it would redirect to. */
  reachedPage: boolean
  performance: number | null
  accessibility: number | null
  bestPractices: number | null
  fcpMs: number | null
  lcpMs: number | null
  tbtMs: number | null
  cls: number | null
  speedIndexMs: number | null
  benchmarkIndex: number | null
  throttling: string
  /** The CPU slowdown the run was simulated at (Lighthouse's `cpuSlowdownMultiplier`). */
  cpuSlowdown: number | null
  /** Main-thread time by kind (Lighthouse's "Minimize main-thread work"), ms, throttled. */
  mainThreadMs: Record<string, number>
  /** The scripts that cost the most main-thread time ("Reduce JavaScript execution time"). */
  topScripts: { url: string; totalMs: number; scriptingMs: number }[]
  warnings: string[]
  error: string | null
  /** 2 when the first run failed and was repeated. */
  attempts: number
  durationMs: number
  /**
   * Runs measured (each figure above is their median; the main-thread split and the scripts are
   * the run with the median performance score), each one's score, and the 1-minute load average
   * as each began: Lighthouse's simulated times scale with the CPU the page got.
   */
  runs: number
  performanceRuns: (number | null)[]
  loadAverages: number[]
}

const MEDIAN_FIELDS = [
  'performance',
  'accessibility',
  'bestPractices',
  'fcpMs',
  'lcpMs',
  'tbtMs',
  'cls',
  'speedIndexMs',
  'benchmarkIndex',
] as const

/** Several runs of one page and preset as one entry: the median of each figure. */
export function medianEntry(runs: LighthouseEntry[]): LighthouseEntry {
  const measured = runs.filter((run) => !run.error)
  const first = runs[0]
  if (!first) throw new Error('medianEntry needs at least one run')
  if (measured.length === 0) return { ...first, runs: runs.length }
  const byScore = [...measured].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1))
  const middle = byScore[Math.floor((byScore.length - 1) / 2)] ?? first
  const out: LighthouseEntry = {
    ...middle,
    runs: runs.length,
    attempts: Math.max(...runs.map((run) => run.attempts)),
    durationMs: runs.reduce((sum, run) => sum + run.durationMs, 0),
    performanceRuns: runs.map((run) => run.performance),
    loadAverages: runs.flatMap((run) => run.loadAverages),
    reachedPage: measured.every((run) => run.reachedPage),
  }
  for (const field of MEDIAN_FIELDS) {
    const values = measured.map((run) => run[field]).filter((v): v is number => v !== null)
    out[field] = values.length === 0 ? null : round(median(values), field === 'cls' ? 3 : 0)
  }
  return out
}

const RUN_TIMEOUT_MS = 120_000

function score(lhr: Result, id: string): number | null {
  const value = lhr.categories[id]?.score
  return typeof value === 'number' ? Math.round(value * 100) : null
}

function numeric(lhr: Result, id: string, digits = 0): number | null {
  const value = lhr.audits[id]?.numericValue
  return typeof value === 'number' ? round(value, digits) : null
}

/** The rows of an audit's table details, as plain records (the Result type leaves them loose). */
function tableItems(lhr: Result, id: string): Record<string, unknown>[] {
  const details: unknown = lhr.audits[id]?.details
  if (typeof details !== 'object' || details === null || !('items' in details)) return []
  const items: unknown = details.items
  return Array.isArray(items)
    ? items.filter(
        (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
      )
    : []
}

const num = (value: unknown): number => (typeof value === 'number' ? Math.round(value) : 0)

function mainThread(lhr: Result): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of tableItems(lhr, 'mainthread-work-breakdown'))
    if (typeof item.group === 'string') out[item.group] = num(item.duration)
  return out
}

function topScripts(lhr: Result): LighthouseEntry['topScripts'] {
  return tableItems(lhr, 'bootup-time')
    .filter((item) => typeof item.url === 'string')
    .map((item) => ({
      url: String(item.url).replace(/^https?:\/\/[^/]+/, ''),
      totalMs: num(item.total),
      scriptingMs: num(item.scripting),
    }))
    .slice(0, 3)
}

/** One Lighthouse run on a fresh tab; failures end up in `error`, never thrown. */
async function auditOnce(
  browser: Browser,
  options: { base: string; session: unknown },
  preset: Preset,
  target: LighthousePage,
  attempt: number,
  cpuSlowdown: number | null,
): Promise<LighthouseEntry> {
  const origin = new URL(options.base).origin
  const started = Date.now()
  const tab = await browser.newPage()
  const flags: Flags = {
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    maxWaitForLoad: 45_000,
  }
  const config = presetConfig(preset, cpuSlowdown)
  const entry: LighthouseEntry = {
    page: target.name,
    path: target.path,
    preset,
    finalPath: null,
    reachedPage: false,
    performance: null,
    accessibility: null,
    bestPractices: null,
    fcpMs: null,
    lcpMs: null,
    tbtMs: null,
    cls: null,
    speedIndexMs: null,
    benchmarkIndex: null,
    throttling: '',
    cpuSlowdown: null,
    mainThreadMs: {},
    topScripts: [],
    warnings: [],
    error: null,
    attempts: attempt,
    durationMs: 0,
    runs: 1,
    performanceRuns: [],
    loadAverages: [round(loadavg()[0] ?? 0, 2) ?? 0],
  }
  try {
    if (target.session)
      await tab.evaluateOnNewDocument(
        sessionInitScript(origin, options.session, target.preferences),
      )
    const result = await withTimeout(
      lighthouse(`${options.base}${target.path}`, flags, config, tab),
      RUN_TIMEOUT_MS,
      `Lighthouse on ${target.path}`,
    )
    const lhr = result?.lhr
    if (!lhr) throw new Error('Lighthouse returned no result')
    const final = new URL(lhr.finalDisplayedUrl)
    const t = lhr.configSettings.throttling
    Object.assign(entry, {
      finalPath: final.pathname + final.search,
      reachedPage: final.pathname === new URL(target.path, options.base).pathname,
      performance: score(lhr, 'performance'),
      accessibility: score(lhr, 'accessibility'),
      bestPractices: score(lhr, 'best-practices'),
      fcpMs: numeric(lhr, 'first-contentful-paint'),
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      tbtMs: numeric(lhr, 'total-blocking-time'),
      cls: numeric(lhr, 'cumulative-layout-shift', 3),
      speedIndexMs: numeric(lhr, 'speed-index'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      throttling: `${lhr.configSettings.throttlingMethod}: RTT ${t.rttMs} ms, ${t.throughputKbps} kbit/s, CPU ×${t.cpuSlowdownMultiplier}; ${lhr.configSettings.formFactor} ${lhr.configSettings.screenEmulation.width}×${lhr.configSettings.screenEmulation.height}`,
      cpuSlowdown: t.cpuSlowdownMultiplier,
      mainThreadMs: mainThread(lhr),
      topScripts: topScripts(lhr),
      warnings: lhr.runWarnings.map(String),
      error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    })
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error)
  } finally {
    await tab.close().catch(() => undefined)
  }
  entry.durationMs = Date.now() - started
  return entry
}

export async function runLighthouse(options: {
  base: string
  pages: LighthousePage[]
  session: unknown
  chromiumArgs: string[]
  /** Runs of each page and preset; the report gives their median. */
  runs?: number
  progress: (line: string) => void
}): Promise<LighthouseEntry[]> {
  const runs = Math.max(1, options.runs ?? 3)
  const userDataDir = mkdtempSync(join(tmpdir(), 'kkm-bench-lh-'))
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    userDataDir,
    args: options.chromiumArgs.filter((arg) => arg !== '--headless'),
    timeout: 30_000,
    protocolTimeout: RUN_TIMEOUT_MS,
  })
  const entries: LighthouseEntry[] = []
  try {
    for (const preset of ['mobile', 'desktop', 'tablet'] as const) {
      let cpuSlowdown: number | null = null
      if (preset === 'tablet') {
        // From the host's benchmarkIndex in the runs before it.
        const hostIndex = median(entries.flatMap((entry) => entry.benchmarkIndex ?? []))
        if (hostIndex === null) {
          options.progress('lighthouse tablet: skipped (no benchmarkIndex from the runs before)')
          continue
        }
        cpuSlowdown = tabletSlowdown(hostIndex)
      }
      for (const target of options.pages) {
        const measured: LighthouseEntry[] = []
        for (let run = 1; run <= runs; run++) {
          // Lighthouse now and then loses its trace (NO_NAVSTART, NO_FCP): one more go.
          let entry = await auditOnce(browser, options, preset, target, 1, cpuSlowdown)
          if (entry.error) entry = await auditOnce(browser, options, preset, target, 2, cpuSlowdown)
          measured.push(entry)
          options.progress(
            `lighthouse ${preset} ${target.path} (${run}/${runs}, load ${entry.loadAverages.join('/')}): ${entry.error ?? `perf ${entry.performance}, a11y ${entry.accessibility}, bp ${entry.bestPractices}, LCP ${entry.lcpMs} ms, TBT ${entry.tbtMs} ms`} (${(entry.durationMs / 1000).toFixed(1)} s)`,
          )
        }
        entries.push(medianEntry(measured))
      }
    }
  } finally {
    await browser.close().catch(() => undefined)
    rmSync(userDataDir, { recursive: true, force: true })
  }
  return entries
}
