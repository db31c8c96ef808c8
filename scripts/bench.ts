/**
 * `npm run bench`: builds the console, serves it against the mock API and measures it in
 * Chromium (the 10,000-row log virtualised and not, request rate, bundle sizes, Lighthouse).
 * Writes bench-results/latest.json and bench-results/latest.md. See docs/benchmarks.md.
 *
 *   npm run bench -- [--no-build] [--runs=3] [--step=600] [--no-lighthouse]
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, release, type } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { measureBundle } from './bench/bundle'
import { floorMarkdown, floorPage, floorRows, measureFloorRun, type FloorRun } from './bench/floor'
import { runLighthouse, type LighthouseEntry } from './bench/lighthouse'
import {
  logUrl,
  measureLogRun,
  RequestLog,
  signIn,
  type FailedRun,
  type LogRun,
  type RenderMode,
} from './bench/measure'
import { INIT_SCRIPT } from './bench/page-scripts'
import {
  freePort,
  killAllNow,
  runCommand,
  startService,
  stopAll,
  waitForHttp,
} from './bench/processes'
import { writeReadmeSummary } from './bench/readme'
import { compare, toMarkdown, type Machine, type Report, type Settings } from './bench/report'
import {
  measureOverview,
  measureRequestsPerView,
  overviewMarkdown,
  requestsMarkdown,
} from './bench/requests'
import { TimeoutError, withTimeout } from './bench/timeout'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'bench-results')

const LOCATION_ID = 4
const TIME_ZONE = 'Asia/Novosibirsk'
const DAYS = 30
const VIEWPORT = { width: 1440, height: 900 }
const TOKENS = { partner: 'demo-partner-token', user: 'demo-user-token' }
const SESSION = { partnerToken: TOKENS.partner, userToken: TOKENS.user, user: null }
const USAGE =
  'Usage: npm run bench -- [--no-build] [--no-lighthouse] [--lighthouse-runs=3] [--runs=3] [--full-runs=1] [--step=600] [--scroll-limit=20] [--visible-timeout=300] [--only=all-virtual,all-full,1000-virtual,1000-full,floor | --only=scroll]'

type Size = 'all' | 1000
/** `floor`: the same rows as bare HTML (bench/floor.ts), scrolled after each `all-virtual` run. */
const KINDS = ['all-virtual', 'all-full', '1000-virtual', '1000-full', 'floor'] as const
type Kind = (typeof KINDS)[number]

interface Options {
  build: boolean
  lighthouse: boolean
  /** Runs of each log measurement (the median is reported)… */
  runs: number
  /** …except the non-virtual 10,000-row one, whose single load costs more than the rest. */
  fullRuns: number
  /** Pixels added to scrollTop each animation frame. */
  step: number
  /** Seconds each scroll may take before it is cut short (and says so). */
  scrollLimitS: number
  /** Seconds the table may take to appear before the run counts as failed. */
  visibleTimeoutS: number
  /** Lighthouse runs of each page and preset (the median is reported). */
  lighthouseRuns: number
  only: Kind[]
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    build: true,
    lighthouse: true,
    runs: 3,
    fullRuns: 1,
    step: 600,
    scrollLimitS: 20,
    visibleTimeoutS: 300,
    lighthouseRuns: 3,
    only: [...KINDS],
  }
  const numeric: Record<
    string,
    'runs' | 'fullRuns' | 'step' | 'scrollLimitS' | 'visibleTimeoutS' | 'lighthouseRuns'
  > = {
    '--runs': 'runs',
    '--full-runs': 'fullRuns',
    '--step': 'step',
    '--scroll-limit': 'scrollLimitS',
    '--lighthouse-runs': 'lighthouseRuns',
    '--visible-timeout': 'visibleTimeoutS',
  }
  const isKind = (value: string): value is Kind => (KINDS as readonly string[]).includes(value)
  for (const arg of argv) {
    const [name = '', value] = arg.split('=')
    const key = numeric[name]
    // `scroll`: the 10,000-row scroll and its floor only.
    const kinds =
      name === '--only' && value
        ? value
            .split(',')
            .flatMap((kind) => (kind === 'scroll' ? ['all-virtual', 'floor'] : [kind]))
        : []
    if (name === '--no-build' && value === undefined) options.build = false
    else if (name === '--no-lighthouse' && value === undefined) options.lighthouse = false
    else if (key && value && /^[1-9]\d{0,4}$/.test(value)) options[key] = Number(value)
    else if (kinds.length > 0 && kinds.every(isKind)) options.only = kinds.filter(isKind)
    else {
      console.error(`Unknown option ${arg}. ${USAGE}`)
      process.exit(2)
    }
  }
  return options
}

const started = Date.now()
function progress(line: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(6)
  console.log(`[${elapsed} s] ${line}`)
}

/** YYYY-MM-DD of `date` in `timeZone`. */
function dayIn(timeZone: string, date: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date)
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

async function commandOutput(command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(command, args, { timeout: 10_000 })
    return stdout
  } catch {
    return ''
  }
}

function packageVersion(name: string): string {
  try {
    const pkg = JSON.parse(
      readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version?: string }
    return pkg.version ?? '?'
  } catch {
    return '?'
  }
}

const loadAtStart = loadavg().map((value) => Math.round(value * 100) / 100)

async function machineInfo(browser: Browser): Promise<Machine> {
  const free = await commandOutput('free', ['-h'])
  const memoryTotal = /^Mem:\s+(\S+)/m.exec(free)?.[1] ?? '?'
  const chromiumLine = (await commandOutput(CHROMIUM_PATH, ['--version'])).trim()
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    memoryTotal,
    cpuModel: cpus()[0]?.model.trim() ?? '?',
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumLine || `Chromium ${browser.version()}`,
    lighthouse: packageVersion('lighthouse'),
    playwright: packageVersion('playwright-core'),
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: null,
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const today = dayIn(TIME_ZONE, new Date())
  const from = shiftDay(today, -(DAYS - 1))

  if (options.build) {
    progress('npm run build …')
    await runCommand('npm run build', 'npm', ['run', 'build'], 180_000)
  } else progress('--no-build: using the existing dist/')
  const bundle = measureBundle(root)
  progress(
    `bundle: entry ${(bundle.entry.chunkGzipBytes / 1024).toFixed(1)} kB gzip, ${bundle.assets.length} assets`,
  )

  const mockPort = await freePort()
  const mock = startService('npm run mock-api', 'npm', ['run', 'mock-api'], {
    PORT: String(mockPort),
    HOST: '127.0.0.1',
  })
  await waitForHttp(mock, `http://127.0.0.1:${mockPort}/__mock/scenario`, 30_000)
  await fetch(`http://127.0.0.1:${mockPort}/__mock/reset`, {
    method: 'POST',
    signal: AbortSignal.timeout(5_000),
  })
  const servePort = await freePort()
  const server = startService('npm run serve', 'npm', ['run', 'serve'], {
    ALTEGIO_API_URL: `http://127.0.0.1:${mockPort}/api/v1`,
    PORT: String(servePort),
    HOST: '127.0.0.1',
    STATIC_DIR: join(root, 'dist'),
  })
  const base = `http://127.0.0.1:${servePort}`
  await waitForHttp(server, `${base}/healthz`, 30_000)
  progress(`mock API on :${mockPort}, console on ${base}`)

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  })
  let machine: Machine
  const runs: LogRun[] = []
  const failures: FailedRun[] = []
  const floorRuns: FloorRun[] = []
  const floor = options.only.includes('floor')
    ? await floorPage(floorRows(LOCATION_ID, from, today))
    : null
  let requests: ReturnType<RequestLog['summary']>
  let logHeading: unknown = null
  try {
    machine = await machineInfo(browser)
    const log = new RequestLog()
    /** A fresh context and tab, signed in through the form (the session lives in the tab). */
    const openTab = async (): Promise<{ context: BrowserContext; page: Page }> => {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
      await context.addInitScript(INIT_SCRIPT)
      const page = await context.newPage()
      page.setDefaultTimeout(60_000)
      await log.attach(page)
      await signIn(page, base, TOKENS)
      return { context, page }
    }
    let { context, page } = await openTab()
    progress(`signed in (${machine.chromium}, ${machine.nproc} CPUs)`)

    const common = {
      base,
      locationId: LOCATION_ID,
      from,
      to: today,
      scrollLimitMs: options.scrollLimitS * 1000,
      visibleTimeoutMs: options.visibleTimeoutS * 1000,
    }
    // Warm-up, not reported: fills the HTTP cache with the log's chunks, as for a returning user.
    await log.quiet(1_000)
    await measureLogRun(page, {
      ...common,
      size: 1000,
      mode: 'virtual',
      run: 0,
      minRowCount: 1001,
      scrollStep: null,
    })
    progress('warm-up load done')

    // Virtual and non-virtual alternate, so that drift in the machine's load hits both alike.
    const plan: { size: Size; mode: RenderMode; run: number }[] = []
    for (const size of ['all', 1000] as const)
      for (let run = 1; run <= Math.max(options.runs, options.fullRuns); run++)
        for (const mode of ['virtual', 'full'] as const) {
          const runs = size === 'all' && mode === 'full' ? options.fullRuns : options.runs
          if (run <= runs && options.only.includes(`${size}-${mode}`))
            plan.push({ size, mode, run })
        }
    let skipFull10k = false
    for (const step of plan) {
      const label = `size=${step.size} ${step.mode === 'full' ? 'virtual=off' : 'virtual'} #${step.run}`
      // The rate limiter lives in the page: a second of API silence before each reload keeps
      // the request-window figure about the app, not about the bench's reloads.
      await log.quiet(1_100)
      if (skipFull10k && step.size === 'all' && step.mode === 'full') {
        failures.push({ ...step, url: '', error: 'skipped: an earlier run of this kind timed out' })
        progress(`${label}: skipped (an earlier run timed out)`)
        continue
      }
      const runOptions = {
        ...common,
        ...step,
        // The whole result (size=all) or one page: aria-rowcount counts the result either way.
        minRowCount: step.size === 'all' ? 10_001 : 1_001,
        scrollStep: step.size === 'all' ? options.step : null,
      }
      try {
        const run = await measureLogRun(page, runOptions)
        runs.push(run)
        // In the same tab right after, so that the floor and the table share the machine's load.
        if (floor && run.size === 'all' && run.mode === 'virtual') {
          await page.goto(`${base}/healthz`)
          const floorRun = await measureFloorRun(page, {
            base,
            page: floor,
            step: options.step,
            limitMs: options.scrollLimitS * 1000,
            run: step.run,
            minRowCount: 10_001,
          })
          floorRuns.push(floorRun)
          progress(
            `floor #${step.run}: ${floorRun.rows} rows, scroll p95 ${floorRun.scroll.p95Ms} ms, ${floorRun.scroll.longFrames}/${floorRun.scroll.frames} long`,
          )
        }
        const s = run.scroll
        const scroll = s
          ? `; scroll p95 ${s.p95Ms} ms, ${s.longFrames}/${s.frames} long, ${s.totalScrollMs} ms${s.reachedBottom ? '' : ` (cut short at ${Math.round(s.reachedFraction * 100)} %)`}`
          : ''
        progress(
          `${label}: data ${run.dataLoadedMs} ms (${run.listRequests} req), visible ${run.rowsVisibleMs} ms, usable ${run.usableMs} ms${scroll}; ${run.domRows} rows in DOM`,
        )
      } catch (error) {
        const message =
          (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
        failures.push({ ...step, url: logUrl(runOptions), error: message })
        progress(`${label}: FAILED: ${message}`)
        // A timed-out non-virtual 10,000-row render would time out again: one is enough.
        if (error instanceof TimeoutError && step.size === 'all' && step.mode === 'full')
          skipFull10k = true
        // The stuck tab may still be rendering: drop its context and start over, signed in.
        await withTimeout(context.close(), 30_000, 'closing the tab').catch(() => undefined)
        ;({ context, page } = await openTab())
      }
    }
    await log.quiet(500)
    // The log's heading as the app remembered it, for Lighthouse's returning cashier.
    logHeading = await page
      .evaluate(() => window.localStorage.getItem('kkm.preferences'))
      .then((raw) => (JSON.parse(raw ?? '{}') as { logHeading?: unknown }).logHeading ?? null)
    if (logHeading === null)
      progress('the log remembered no heading: both log pages are a first visit')
    requests = log.summary()
    progress(
      `API: ${requests.total} requests; per page load at most ${requests.maxInAnySecond} fetch() calls in any second (shortest span of 6: ${requests.minSpanOf6Ms} ms); whole session ${requests.session.maxInAnySecond}`,
    )
  } finally {
    await browser.close().catch(() => undefined)
  }

  let lighthouse: LighthouseEntry[] | null = null
  let lighthouseSkipped: string | null = null
  if (options.lighthouse) {
    progress(
      `lighthouse (mobile, desktop, then a cheap tablet; median of ${options.lighthouseRuns}) …`,
    )
    // Yesterday, a whole day of the till's log (~350 rows): today's has no rows before the shift
    // opens at 09:00 there, and fewer in the morning than at night, so the log's figures would
    // depend on the hour the bench runs.
    const day = shiftDay(today, -1)
    const tillLog = `/locations/${LOCATION_ID}/transactions?from=${day}&to=${day}`
    lighthouse = await runLighthouse({
      base,
      pages: [
        { name: 'sign-in', path: '/sign-in', session: false },
        { name: 'tax systems', path: '/tax-systems/1', session: true },
        // A cashier's till opened again: the browser remembers the heading the log last showed.
        {
          name: 'transaction log',
          path: tillLog,
          session: true,
          preferences: { logHeading },
        },
        {
          name: 'transaction log, first visit',
          path: tillLog,
          session: true,
          preferences: null,
        },
      ],
      session: SESSION,
      chromiumArgs: CHROMIUM_ARGS,
      runs: options.lighthouseRuns,
      progress,
    })
  } else lighthouseSkipped = '--no-lighthouse'
  await stopAll()
  machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100)

  const settings: Settings = {
    runs: options.runs,
    fullRuns: options.fullRuns,
    only: options.only,
    viewport: VIEWPORT,
    scrollStepPx: options.step,
    scrollLimitS: options.scrollLimitS,
    visibleTimeoutS: options.visibleTimeoutS,
    locationId: LOCATION_ID,
    from,
    to: today,
    timeZone: TIME_ZONE,
    chromiumArgs: CHROMIUM_ARGS,
    build: options.build,
  }
  const report: Report = {
    machine,
    settings,
    durationS: (Date.now() - started) / 1000,
    failures,
    log10k: compare(runs.filter((run) => run.size === 'all')),
    log1000: compare(runs.filter((run) => run.size === 1000)),
    requests,
    bundle,
    lighthouse,
    lighthouseSkipped,
  }
  // In this process, after the browser work: MSW intercepts this process's own fetch meanwhile.
  progress('requests per view under each server profile')
  const requestsPerView = await measureRequestsPerView()
  progress('the overview of a 30-location chain under the strict rate')
  const overview = await measureOverview()
  const markdown = [
    toMarkdown(report),
    floorMarkdown(runs, floorRuns),
    requestsMarkdown(requestsPerView),
    overviewMarkdown(overview),
  ].join('\n\n')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(
    join(outDir, 'latest.json'),
    `${JSON.stringify({ ...report, requestsPerView, overview, runs, floorRuns }, null, 2)}\n`,
  )
  writeFileSync(join(outDir, 'latest.md'), `${markdown}\n`)
  // The README's table comes from this run, not from a hand.
  if (!(await writeReadmeSummary(join(root, 'README.md'), report)))
    progress('README.md has no bench summary markers: its table was left as it was')
  console.log(`\n${markdown}`)
  progress('wrote bench-results/latest.json and bench-results/latest.md')
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow()
    process.exit(130)
  })
}
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    await stopAll().catch(() => undefined)
    killAllNow()
    process.exit(1)
  },
)
