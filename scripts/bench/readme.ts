/**
 * The README's benchmark summary, written by `npm run bench` from the run it just made (never by
 * hand): everything between the two markers below in README.md is replaced. A measure that wants
 * a line in the summary adds a section (a function of the run's figures) to `SECTIONS`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'
import { kB } from './bundle'
import type { LighthouseEntry, Preset } from './lighthouse'
import type { Report } from './report'

export const START = '<!-- bench:summary:start (written by npm run bench; do not edit) -->'
export const END = '<!-- bench:summary:end -->'

export type SummarySection = (report: Report) => string[]

const ms = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '–'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : `${Math.round(value).toLocaleString('en-US')} ms`

const load = (values: number[] | undefined) =>
  values && values.length > 0
    ? `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`
    : '–'

function machineLine(report: Report): string[] {
  const m = report.machine
  return [
    `Run of ${report.machine.date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryTotal} RAM; load average ${m.loadAverageAtStart.join(' / ')} at start, ${(m.loadAverageAtEnd ?? []).join(' / ')} at end (1/5/15 min). Where it passes the CPU count, times are upper bounds and ratios are what count.`,
    '',
  ]
}

function lighthouseTable(report: Report): string[] {
  const entries: LighthouseEntry[] = report.lighthouse ?? []
  if (entries.length === 0) return []
  const pages = [...new Set(entries.map((e) => e.page))]
  const of = (page: string, preset: string) =>
    entries.find((e) => e.page === page && e.preset === preset)
  const cell = (e: LighthouseEntry | undefined) =>
    e
      ? `${e.performance ?? '–'} (LCP ${ms(e.lcpMs)}, TBT ${ms(e.tbtMs)}, CLS ${e.cls ?? '–'})`
      : '–'
  const runs = Math.max(...entries.map((e) => e.runs ?? 1))
  const tablet = entries.find((e) => e.preset === 'tablet')
  const presets: Preset[] = tablet ? ['mobile', 'desktop', 'tablet'] : ['mobile', 'desktop']
  const heading = (preset: Preset) =>
    preset === 'tablet'
      ? `cheap tablet (800×1280, CPU ×${tablet?.cpuSlowdown ?? '?'} to a low-tier device)`
      : preset
  return [
    `| Lighthouse performance, median of ${runs} | ${presets.map(heading).join(' | ')} | load average during the runs |`,
    `| --- | ${presets.map(() => '---').join(' | ')} | ---: |`,
    ...pages.map((page) => {
      const measured = presets.map((preset) => of(page, preset))
      const path = measured.find((e) => e)?.path ?? ''
      return `| ${page} (\`${path}\`) | ${measured.map(cell).join(' | ')} | ${load(measured.flatMap((e) => e?.loadAverages ?? []))} |`
    }),
    '',
  ]
}

function bundleLine(report: Report): string[] {
  const bundle = report.bundle
  if (!bundle) return []
  return [
    `Bundle (gzip): ${bundle.routes.map((route) => `\`${route.path}\` ${kB(route.jsGzipBytes)} JS`).join(', ')}; details in \`bench-results/latest.md\`.`,
    '',
  ]
}

function logTable(report: Report): string[] {
  const all = report.log10k
  if (!all) return []
  const row = (name: string, a: number | null, b: number | null) =>
    `| ${name} | ${ms(a)} | ${ms(b)} | ${a && b ? `×${(b / a).toFixed(1)}` : ''} |`
  const rows = all.virtual?.resultRows ?? null
  return [
    `| ${rows === null ? 'whole' : `${rows.toLocaleString('en-US')}-row`} log (\`size=all\`) | virtualised | every row rendered | ratio |`,
    '| --- | ---: | ---: | ---: |',
    row('navigation → usable table', all.virtual?.usableMs ?? null, all.full?.usableMs ?? null),
    row('scroll p95 frame', all.virtual?.frameP95Ms ?? null, all.full?.frameP95Ms ?? null),
    '',
  ]
}

/** In order; the scroll floor and the overview's figures add theirs here. */
export const SECTIONS: SummarySection[] = [machineLine, logTable, lighthouseTable, bundleLine]

export function summary(report: Report, sections: SummarySection[] = SECTIONS): string {
  return sections.flatMap((section) => section(report)).join('\n')
}

/**
 * Replaces the summary in README.md, formatted as `npm run format:check` wants it; false (and
 * README untouched) when it has no markers.
 */
export async function writeReadmeSummary(path: string, report: Report): Promise<boolean> {
  const readme = readFileSync(path, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) return false
  const next = `${readme.slice(0, start + START.length)}\n\n${summary(report)}\n${readme.slice(end)}`
  const options = (await resolveConfig(path)) ?? {}
  writeFileSync(path, await format(next, { ...options, filepath: path }))
  return true
}

// `npx tsx scripts/bench/readme.ts`: the summary again from bench-results/latest.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../../', import.meta.url)
  const report = JSON.parse(
    readFileSync(new URL('bench-results/latest.json', root), 'utf8'),
  ) as Report
  if (!(await writeReadmeSummary(new URL('README.md', root).pathname, report)))
    throw new Error('README.md has no bench summary markers')
}
