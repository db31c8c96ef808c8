/** The summary of a bench run: medians, ratios and the Markdown table. */
import { kB, type BundleReport } from './bundle'
import { medianOf, ratio, round } from './stats'
import type { LighthouseEntry } from './lighthouse'
import type { FailedRun, LogRun, RenderMode, RequestLog } from './measure'

export interface Machine {
  date: string
  nproc: number
  memoryTotal: string
  cpuModel: string
  os: string
  node: string
  chromium: string
  lighthouse: string
  playwright: string
  /** 1, 5 and 15-minute load averages: other work on the machine skews every figure. */
  loadAverageAtStart: number[]
  loadAverageAtEnd: number[] | null
}

export interface Settings {
  runs: number
  fullRuns: number
  only: string[]
  viewport: { width: number; height: number }
  scrollStepPx: number
  scrollLimitS: number
  visibleTimeoutS: number
  locationId: number
  from: string
  to: string
  timeZone: string
  chromiumArgs: string[]
  build: boolean
}

export interface ModeSummary {
  runs: number
  resultRows: number | null
  listRequests: number | null
  dataLoadedMs: number | null
  rowsVisibleMs: number | null
  usableMs: number | null
  dataToRowsVisibleMs: number | null
  dataToUsableMs: number | null
  clickToDrawerMs: number | null
  longestTaskMs: number | null
  blockingMs: number | null
  frames: number | null
  frameMedianMs: number | null
  frameP95Ms: number | null
  frameMaxMs: number | null
  longFrames: number | null
  longFramesFullEstimate: number | null
  longFrameShare: number | null
  totalScrollMs: number | null
  fullScrollMsEstimate: number | null
  scrollReachedFraction: number | null
  pxPerSecond: number | null
  /** Per scrolled frame: main-thread script, style, layout and task time (CDP metrics). */
  scriptMsPerFrame: number | null
  styleMsPerFrame: number | null
  layoutMsPerFrame: number | null
  taskMsPerFrame: number | null
  domRows: number | null
  domNodes: number | null
  jsHeapUsedMB: number | null
  domRowsAfterClick: number | null
}

export interface Comparison {
  virtual: ModeSummary
  full: ModeSummary
  /** Non-virtual ÷ virtual; null when the virtual figure is 0 or missing. */
  ratios: {
    usableMs: number | null
    dataToUsableMs: number | null
    frameP95Ms: number | null
    longFrames: number | null
    longFrameShare: number | null
    fullScrollMs: number | null
    pxPerSecond: number | null
    domRows: number | null
    jsHeapUsedMB: number | null
  }
}

function perFrame(run: LogRun, key: 'scriptMs' | 'styleMs' | 'layoutMs' | 'taskMs'): number | null {
  const scroll = run.scroll
  if (!scroll?.mainThread || scroll.frames === 0) return null
  return scroll.mainThread[key] / scroll.frames
}

export function summarise(runs: LogRun[], mode: RenderMode): ModeSummary {
  const mine = runs.filter((run) => run.mode === mode)
  const m = (pick: (run: LogRun) => number | null, digits = 1) =>
    round(medianOf(mine, pick), digits)
  return {
    runs: mine.length,
    resultRows: m((r) => r.resultRows, 0),
    listRequests: m((r) => r.listRequests, 0),
    dataLoadedMs: m((r) => r.dataLoadedMs, 0),
    rowsVisibleMs: m((r) => r.rowsVisibleMs, 0),
    usableMs: m((r) => r.usableMs, 0),
    dataToRowsVisibleMs: m((r) => r.dataToRowsVisibleMs, 0),
    dataToUsableMs: m((r) => r.dataToUsableMs, 0),
    clickToDrawerMs: m((r) => r.clickToDrawerMs, 0),
    longestTaskMs: m((r) => r.longestTaskMs, 0),
    blockingMs: m((r) => r.blockingMs, 0),
    frames: m((r) => r.scroll?.frames ?? null, 0),
    frameMedianMs: m((r) => r.scroll?.medianMs ?? null),
    frameP95Ms: m((r) => r.scroll?.p95Ms ?? null),
    frameMaxMs: m((r) => r.scroll?.maxMs ?? null),
    longFrames: m((r) => r.scroll?.longFrames ?? null, 0),
    longFramesFullEstimate: m((r) => r.scroll?.longFramesFullEstimate ?? null, 0),
    longFrameShare: m((r) => r.scroll?.longFrameShare ?? null, 3),
    totalScrollMs: m((r) => r.scroll?.totalScrollMs ?? null, 0),
    fullScrollMsEstimate: m((r) => r.scroll?.fullScrollMsEstimate ?? null, 0),
    scrollReachedFraction: m((r) => r.scroll?.reachedFraction ?? null, 3),
    pxPerSecond: m((r) => r.scroll?.pxPerSecond ?? null, 0),
    scriptMsPerFrame: m((r) => perFrame(r, 'scriptMs')),
    styleMsPerFrame: m((r) => perFrame(r, 'styleMs')),
    layoutMsPerFrame: m((r) => perFrame(r, 'layoutMs')),
    taskMsPerFrame: m((r) => perFrame(r, 'taskMs')),
    domRows: m((r) => r.domRows, 0),
    domNodes: m((r) => r.domNodes, 0),
    jsHeapUsedMB: m((r) => (r.jsHeapUsedBytes === null ? null : r.jsHeapUsedBytes / 1_048_576)),
    domRowsAfterClick: m((r) => r.domRowsAfterClick, 0),
  }
}

export function compare(runs: LogRun[]): Comparison {
  const virtual = summarise(runs, 'virtual')
  const full = summarise(runs, 'full')
  const r = (pick: (s: ModeSummary) => number | null) => round(ratio(pick(full), pick(virtual)), 2)
  return {
    virtual,
    full,
    ratios: {
      usableMs: r((s) => s.usableMs),
      dataToUsableMs: r((s) => s.dataToUsableMs),
      frameP95Ms: r((s) => s.frameP95Ms),
      // Over the whole height: a run cut short has fewer frames, not fewer long ones per row.
      longFrames: r((s) => s.longFramesFullEstimate),
      fullScrollMs: r((s) => s.fullScrollMsEstimate),
      longFrameShare: r((s) => s.longFrameShare),
      pxPerSecond: r((s) => s.pxPerSecond),
      domRows: r((s) => s.domRows),
      jsHeapUsedMB: r((s) => s.jsHeapUsedMB),
    },
  }
}

const fmt = (value: number | null, unit = '', digits?: number): string => {
  if (value === null) return '–'
  const text =
    digits === undefined
      ? value.toLocaleString('en-US', { maximumFractionDigits: 1 })
      : value.toLocaleString('en-US', {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        })
  return `${text}${unit}`
}
const times = (value: number | null, virtualValue: number | null) =>
  value !== null ? `×${fmt(value, '', 2)}` : virtualValue === 0 ? 'n/a (virtual: 0)' : '–'

export interface Report {
  machine: Machine
  settings: Settings
  durationS: number
  failures: FailedRun[]
  log10k: Comparison
  log1000: Comparison
  requests: ReturnType<RequestLog['summary']>
  bundle: BundleReport
  lighthouse: LighthouseEntry[] | null
  lighthouseSkipped: string | null
}

const CLICK_NOTE =
  '¹ The Details click comes last, after the scroll and the DOM count. Opening the drawer updates the URL; the log keeps `virtual=off` in it, so the table stays as it was.'

export function toMarkdown(report: Report): string {
  const { machine, settings, log10k, log1000, requests, bundle } = report
  const v = log10k.virtual
  const f = log10k.full
  const out: string[] = []
  const load = (values: number[] | null) =>
    values ? values.map((x) => x.toFixed(2)).join(' / ') : '–'
  out.push('# KKM Console benchmark (`npm run bench`)', '')
  out.push('| | |', '|---|---|')
  out.push(`| date | ${machine.date} |`)
  out.push(
    `| machine | ${machine.nproc} CPUs (${machine.cpuModel}), ${machine.memoryTotal} RAM, ${machine.os} |`,
  )
  out.push(
    `| software | Node ${machine.node}, ${machine.chromium}, playwright-core ${machine.playwright}, Lighthouse ${machine.lighthouse} |`,
  )
  out.push(
    `| load average (1/5/15 min) | ${load(machine.loadAverageAtStart)} at start, ${load(machine.loadAverageAtEnd)} at end |`,
  )
  out.push(
    `| settings | location ${settings.locationId}, ${settings.from} to ${settings.to} (${settings.timeZone}); viewport ${settings.viewport.width}×${settings.viewport.height}; production build on \`npm run serve\` → \`npm run mock-api\`; median of ${settings.runs} runs (${settings.fullRuns} for the non-virtual 10,000 rows); scroll ${settings.scrollStepPx} px per frame, at most ${settings.scrollLimitS} s |`,
  )
  out.push(`| run time | ${report.durationS.toFixed(0)} s |`, '')
  const busiest = Math.max(
    ...machine.loadAverageAtStart.slice(0, 1),
    ...(machine.loadAverageAtEnd ?? []).slice(0, 1),
  )
  if (busiest > machine.nproc)
    out.push(
      `> **Busy machine:** the 1-minute load average (${busiest.toFixed(1)}) exceeded the ${machine.nproc} CPUs during this run, so other work shared the CPUs with Chromium. Treat times as upper bounds; ratios between modes are steadier than absolute times.`,
      '',
    )
  if (report.failures.length > 0) {
    out.push('Failed runs (left out of the medians):', '')
    for (const failure of report.failures)
      out.push(`- \`${failure.url}\` run ${failure.run}: ${failure.error}`)
    out.push('')
  }
  out.push(`## Transaction log, \`size=all\` (${fmt(v.resultRows)} rows)`, '')
  out.push(
    `Runs measured: ${v.runs} virtualised, ${f.runs} with \`virtual=off\`. Times from navigation start unless stated.`,
    '',
  )
  out.push('| | virtualised | `virtual=off` | non-virtual ÷ virtual |', '|---|---:|---:|---:|')
  const row = (label: string, a: string, b: string, c = '') =>
    out.push(`| ${label} | ${a} | ${b} | ${c} |`)
  const bold = (text: string) => (text === '' || text === '–' ? text : `**${text}**`)
  row('list requests (1,000 rows each)', fmt(v.listRequests), fmt(f.listRequests))
  row('data loaded (last list response)', fmt(v.dataLoadedMs, ' ms'), fmt(f.dataLoadedMs, ' ms'))
  row(
    'table visible (aria-rowcount, first row in view)',
    fmt(v.rowsVisibleMs, ' ms'),
    fmt(f.rowsVisibleMs, ' ms'),
  )
  row(
    '**usable** (table visible, then the main thread free for a click)',
    bold(fmt(v.usableMs, ' ms')),
    bold(fmt(f.usableMs, ' ms')),
    bold(times(log10k.ratios.usableMs, v.usableMs)),
  )
  row(
    'data loaded → table visible (render)',
    fmt(v.dataToRowsVisibleMs, ' ms'),
    fmt(f.dataToRowsVisibleMs, ' ms'),
  )
  row(
    'data loaded → usable (render)',
    fmt(v.dataToUsableMs, ' ms'),
    fmt(f.dataToUsableMs, ' ms'),
    times(log10k.ratios.dataToUsableMs, v.dataToUsableMs),
  )
  row('longest task before usable', fmt(v.longestTaskMs, ' ms'), fmt(f.longestTaskMs, ' ms'))
  row(
    'blocking time before usable (Σ task − 50 ms)',
    fmt(v.blockingMs, ' ms'),
    fmt(f.blockingMs, ' ms'),
  )
  row('scroll: frames recorded', fmt(v.frames), fmt(f.frames))
  row('scroll: median frame', fmt(v.frameMedianMs, ' ms'), fmt(f.frameMedianMs, ' ms'))
  row(
    '**scroll: p95 frame**',
    bold(fmt(v.frameP95Ms, ' ms')),
    bold(fmt(f.frameP95Ms, ' ms')),
    bold(times(log10k.ratios.frameP95Ms, v.frameP95Ms)),
  )
  row('scroll: max frame', fmt(v.frameMaxMs, ' ms'), fmt(f.frameMaxMs, ' ms'))
  row('scroll: long frames (> 50 ms) recorded', fmt(v.longFrames), fmt(f.longFrames))
  row(
    '**scroll: long frames over the whole height** (estimated if cut short)',
    bold(fmt(v.longFramesFullEstimate)),
    bold(fmt(f.longFramesFullEstimate)),
    bold(times(log10k.ratios.longFrames, v.longFramesFullEstimate)),
  )
  row(
    'scroll: share of frames > 50 ms',
    fmt(v.longFrameShare === null ? null : v.longFrameShare * 100, ' %'),
    fmt(f.longFrameShare === null ? null : f.longFrameShare * 100, ' %'),
    times(log10k.ratios.longFrameShare, v.longFrameShare),
  )
  row(
    'scroll: share of the height reached',
    fmt(v.scrollReachedFraction === null ? null : v.scrollReachedFraction * 100, ' %'),
    fmt(f.scrollReachedFraction === null ? null : f.scrollReachedFraction * 100, ' %'),
  )
  row('scroll: time spent', fmt(v.totalScrollMs, ' ms'), fmt(f.totalScrollMs, ' ms'))
  row(
    'scroll: top to bottom (estimated if cut short)',
    fmt(v.fullScrollMsEstimate, ' ms'),
    fmt(f.fullScrollMsEstimate, ' ms'),
    times(log10k.ratios.fullScrollMs, v.fullScrollMsEstimate),
  )
  row(
    'scroll: main thread per frame: JS / style / layout / all tasks',
    `${fmt(v.scriptMsPerFrame)} / ${fmt(v.styleMsPerFrame)} / ${fmt(v.layoutMsPerFrame)} / ${fmt(v.taskMsPerFrame, ' ms')}`,
    `${fmt(f.scriptMsPerFrame)} / ${fmt(f.styleMsPerFrame)} / ${fmt(f.layoutMsPerFrame)} / ${fmt(f.taskMsPerFrame, ' ms')}`,
  )
  row(
    'scroll: speed',
    fmt(v.pxPerSecond, ' px/s'),
    fmt(f.pxPerSecond, ' px/s'),
    times(log10k.ratios.pxPerSecond, v.pxPerSecond),
  )
  row(
    '**DOM rows at the end**',
    bold(fmt(v.domRows)),
    bold(fmt(f.domRows)),
    bold(times(log10k.ratios.domRows, v.domRows)),
  )
  row('DOM nodes', fmt(v.domNodes), fmt(f.domNodes))
  row(
    'JS heap used (after GC)',
    fmt(v.jsHeapUsedMB, ' MB'),
    fmt(f.jsHeapUsedMB, ' MB'),
    times(log10k.ratios.jsHeapUsedMB, v.jsHeapUsedMB),
  )
  row(
    "then: a row's Details click → drawer visible¹",
    fmt(v.clickToDrawerMs, ' ms'),
    fmt(f.clickToDrawerMs, ' ms'),
  )
  row('DOM rows with the drawer open¹', fmt(v.domRowsAfterClick), fmt(f.domRowsAfterClick))
  out.push('', CLICK_NOTE, '')
  out.push('## Transaction log, `size=1000` (one page)', '')
  out.push('| | virtualised | `virtual=off` | non-virtual ÷ virtual |', '|---|---:|---:|---:|')
  const a = log1000.virtual
  const b = log1000.full
  row('data loaded', fmt(a.dataLoadedMs, ' ms'), fmt(b.dataLoadedMs, ' ms'))
  row(
    '**usable**',
    bold(fmt(a.usableMs, ' ms')),
    bold(fmt(b.usableMs, ' ms')),
    bold(times(log1000.ratios.usableMs, a.usableMs)),
  )
  row(
    'data loaded → usable',
    fmt(a.dataToUsableMs, ' ms'),
    fmt(b.dataToUsableMs, ' ms'),
    times(log1000.ratios.dataToUsableMs, a.dataToUsableMs),
  )
  row('click → drawer visible¹', fmt(a.clickToDrawerMs, ' ms'), fmt(b.clickToDrawerMs, ' ms'))
  row('DOM rows with the drawer open¹', fmt(a.domRowsAfterClick), fmt(b.domRowsAfterClick))
  row('DOM rows', fmt(a.domRows), fmt(b.domRows), times(log1000.ratios.domRows, a.domRows))
  out.push('')
  out.push('## API requests during the browser session', '')
  const tight = requests.session.tightestWindow
  out.push(
    `${requests.total} requests to \`/api/v1\` over ${requests.pageLoads} page loads (sign-in, warm-up and every run above).`,
    '',
    `- **At most ${requests.maxInAnySecond} \`fetch()\` calls in any 1-second window within a page load** (the limit is 5); the shortest span from a call to the 5th after it is ${fmt(requests.minSpanOf6Ms, ' ms')} (≥ 1,000 ms: the limiter held); in any 995 ms window at most ${requests.maxInAnySecondLess5Ms}.`,
    `- Over the whole session, reloads included: at most ${requests.session.maxInAnySecond} in a second (shortest span of 6: ${fmt(requests.session.minSpanOf6Ms, ' ms')}${tight.length === 6 && tight.some((call) => !call.samePageLoad) ? ', across a reload: the limiter lives in the page and starts afresh on each load' : ''}). The bench waits for 1.1 s without API traffic before each load.`,
    `- By the browser's network start times (a few ms after each call, with jitter): at most ${requests.network.maxInAnySecond} in a second, shortest span of 6 ${fmt(requests.network.minSpanOf6Ms, ' ms')}.`,
    `- Failed or ≥ 400: ${requests.failedOrNon2xx.length === 0 ? 'none' : requests.failedOrNon2xx.join('; ')}.`,
    `- Requests to hosts other than 127.0.0.1: ${requests.foreignHosts.length === 0 ? 'none' : requests.foreignHosts.join(', ')}.`,
    '',
  )
  out.push('| endpoint | requests |', '|---|---:|')
  for (const [endpoint, count] of Object.entries(requests.byEndpoint))
    out.push(`| \`${endpoint}\` | ${count} |`)
  out.push('')
  out.push(`## Bundle (gzip level ${bundle.gzipLevel})`, '')
  out.push(
    `Entry chunk \`${bundle.entry.chunk}\`: **${kB(bundle.entry.chunkGzipBytes)}**; first load (entry + its static imports): ${kB(bundle.entry.initialJsGzipBytes)} JS + ${kB(bundle.entry.initialCssGzipBytes)} CSS. All assets: ${kB(bundle.totals.jsGzipBytes)} JS, ${kB(bundle.totals.cssGzipBytes)} CSS (${kB(bundle.totals.jsBytes + bundle.totals.cssBytes)} raw).`,
    '',
  )
  out.push('| route | lazy chunks | JS gzip | CSS gzip | total gzip |', '|---|---|---:|---:|---:|')
  for (const route of bundle.routes)
    out.push(
      `| \`${route.path}\` | ${route.lazyModules.map((m) => m.split('/').pop()?.replace('.tsx', '')).join(' + ') || '(in entry)'} | ${kB(route.jsGzipBytes)} | ${kB(route.cssGzipBytes)} | **${kB(route.totalGzipBytes)}** |`,
    )
  out.push(
    '',
    '<details><summary>Every asset</summary>',
    '',
    '| file | raw | gzip |',
    '|---|---:|---:|',
  )
  for (const asset of bundle.assets)
    out.push(`| \`${asset.file}\` | ${kB(asset.bytes)} | ${kB(asset.gzipBytes)} |`)
  out.push('', '</details>', '')
  const lighthouseRuns = Math.max(1, ...(report.lighthouse ?? []).map((e) => e.runs ?? 1))
  out.push(
    `## Lighthouse (median of ${lighthouseRuns} run${lighthouseRuns === 1 ? '' : 's'} per page and preset; reported, not asserted)`,
    '',
  )
  if (!report.lighthouse) out.push(`Skipped: ${report.lighthouseSkipped ?? 'not run'}.`, '')
  else {
    out.push(
      'Each run’s score and the 1-minute load average as it began beside the median: on a machine whose load passes its CPUs, the simulated times grow with it.',
      '',
      '| page | preset | performance | each run | load average | accessibility | best practices | FCP | LCP | TBT | CLS |',
      '|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|',
    )
    for (const e of report.lighthouse) {
      const page = `${e.page} (\`${e.path}\`)${e.error ? ` (error: ${e.error})` : e.reachedPage ? '' : ` (ended on ${e.finalPath ?? '?'})`}${e.attempts > 1 ? ' (a run retried)' : ''}`
      const each = (e.performanceRuns ?? []).map((score) => fmt(score)).join(' / ')
      const load = (e.loadAverages ?? []).map((value) => value.toFixed(1)).join(' / ')
      out.push(
        `| ${page} | ${e.preset} | ${fmt(e.performance)} | ${each || '–'} | ${load || '–'} | ${fmt(e.accessibility)} | ${fmt(e.bestPractices)} | ${fmt(e.fcpMs, ' ms')} | ${fmt(e.lcpMs, ' ms')} | ${fmt(e.tbtMs, ' ms')} | ${fmt(e.cls, '', 3)} |`,
      )
    }
    out.push(
      '',
      'Main-thread time per page load as Lighthouse counts it (throttled CPU), and the costliest script:',
      '',
      '| page | preset | script eval | parse/compile | style & layout | paint/composite | GC | other | costliest script (total / scripting) |',
      '|---|---|---:|---:|---:|---:|---:|---:|---|',
    )
    for (const e of report.lighthouse) {
      const t = e.mainThreadMs
      const ms = (key: string) => fmt(t[key] ?? null, ' ms')
      const top = e.topScripts[0]
      out.push(
        `| ${e.page} | ${e.preset} | ${ms('scriptEvaluation')} | ${ms('scriptParseCompile')} | ${ms('styleLayout')} | ${ms('paintCompositeRender')} | ${ms('garbageCollection')} | ${ms('other')} | ${top ? `\`${top.url}\` ${fmt(top.totalMs, ' ms')} / ${fmt(top.scriptingMs, ' ms')}` : '–'} |`,
      )
    }
    const presets = [...new Map(report.lighthouse.map((e) => [e.preset, e])).values()]
    out.push('')
    for (const e of presets)
      out.push(
        `- ${e.preset}: ${e.throttling} (host benchmarkIndex ${fmt(e.benchmarkIndex, '', 0)})`,
      )
    out.push('')
  }
  return out.join('\n')
}
