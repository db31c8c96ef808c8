/**
 * The floor of the log's scroll (issue #14.1): the same rows as bare HTML in the same
 * virtualiser (floor-page.tsx), served to the bench's own tab by a Playwright route, so neither
 * the app's build nor its server knows of it. Measured with the very scroll the log gets.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { toRow, locationFormat } from '../../src/log/view'
import { db } from '../../src/mocks/db'
import { measureScroll, type FrameStats } from './measure-scroll'
import { ROW_SELECTOR, rowsVisibleProbe, TABLE_SELECTOR } from './page-scripts'
import { median } from './stats'
import { withTimeout } from './timeout'
import type { LogRun } from './measure'
import type { Page } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))

export const FLOOR_PATH = '/__bench/floor'

export interface FloorRun {
  run: number
  rows: number
  scroll: FrameStats
  frameIntervals: number[]
}

/** The log's rows for the bench's range, formatted as the log formats them (English). */
export function floorRows(locationId: number, from: string, to: string) {
  const format = locationFormat(db.companies.find((company) => company.id === locationId))
  return (db.transactions.get(locationId) ?? [])
    .filter((t) => t.print_date.slice(0, 10) >= from && t.print_date.slice(0, 10) <= to)
    .map((t) => toRow(t, format))
}

/** The floor page's HTML: its rows inline, its script and a few rules like the log's. */
export async function floorPage(rows: unknown[]): Promise<{ html: string; script: string }> {
  const result = await build({
    entryPoints: [join(here, 'floor-page.tsx')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const script = result.outputFiles[0]?.text ?? ''
  const json = JSON.stringify(rows).replace(/</g, '\\u003c')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<style>
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; }
.intro { height: 560px; }
.row { display: grid; grid-template-columns: 10.5em 1fr 1.3fr 8em 12em 1fr 4em 64px; column-gap: 8px; align-items: center; height: ${52}px; padding: 0 8px; border-bottom: 1px solid #dee2e6; box-sizing: border-box; overflow: hidden; }
.head { position: sticky; top: 60px; background: #fff; font-weight: 700; z-index: 1; }
.body { position: relative; }
.body .row { position: absolute; top: 0; left: 0; right: 0; }
.odd { background: #f8f9fa; }
.status { padding: 1px 8px; border-radius: 1em; background: #e6fcf5; font-size: 12px; }
button { width: 28px; height: 28px; border: 0; background: transparent; }
</style></head><body><div class="intro"></div><div id="root"></div>
<script type="application/json" id="rows">${json}</script>
<script src="${FLOOR_PATH}.js"></script></body></html>`
  return { html, script }
}

/** One load of the floor in the bench's tab, then the log's scroll. */
export async function measureFloorRun(
  page: Page,
  options: {
    base: string
    page: { html: string; script: string }
    step: number
    limitMs: number
    run: number
    minRowCount: number
  },
): Promise<FloorRun> {
  await page.route(`${options.base}${FLOOR_PATH}*`, (route) => {
    const script = new URL(route.request().url()).pathname.endsWith('.js')
    return route.fulfill({
      status: 200,
      contentType: script ? 'text/javascript' : 'text/html',
      body: script ? options.page.script : options.page.html,
    })
  })
  try {
    await page.goto(`${options.base}${FLOOR_PATH}`, { waitUntil: 'commit', timeout: 30_000 })
    await withTimeout(
      page.waitForFunction(
        rowsVisibleProbe,
        { min: options.minRowCount, table: TABLE_SELECTOR, row: ROW_SELECTOR },
        { polling: 'raf', timeout: 60_000 },
      ),
      62_000,
      'the floor',
    )
    const rows = Number(
      await page.evaluate(
        `document.querySelector('${TABLE_SELECTOR}')?.getAttribute('aria-rowcount')`,
      ),
    )
    const measured = await measureScroll(page, options.step, options.limitMs)
    return { run: options.run, rows: rows - 1, ...measured }
  } finally {
    await page.unroute(`${options.base}${FLOOR_PATH}*`)
  }
}

function medianOf(values: (number | null | undefined)[]): number | null {
  const known = values.filter((value): value is number => typeof value === 'number')
  return known.length > 0 ? median(known) : null
}

/**
 * The 10,000-row scroll beside its floor, and the goals of issue #14.1: p95 frame ≤ 17 ms and
 * within 1.2× the floor, ≤ 2 % frames over 50 ms, ≤ 6 ms of JavaScript per frame, data loaded →
 * usable ≤ 100 ms.
 */
export function floorMarkdown(runs: LogRun[], floorRuns: FloorRun[]): string {
  const table = runs.filter((run) => run.size === 'all' && run.mode === 'virtual' && run.scroll)
  if (floorRuns.length === 0) return '## Scroll floor\n\nNot measured (`--only` without `floor`).'
  const perFrame = (scroll: FrameStats | null | undefined) =>
    scroll?.mainThread && scroll.frames > 0 ? scroll.mainThread.scriptMs / scroll.frames : null
  const pick = (get: (scroll: FrameStats) => number | null) => ({
    table: medianOf(table.map((run) => (run.scroll ? get(run.scroll) : null))),
    floor: medianOf(floorRuns.map((run) => get(run.scroll))),
  })
  const fmt = (value: number | null, unit = '', digits = 1) =>
    value === null ? '–' : `${value.toFixed(digits)}${unit}`
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? '–' : `×${(a / b).toFixed(2)}`
  const p95 = pick((scroll) => scroll.p95Ms)
  const middle = pick((scroll) => scroll.medianMs)
  const share = pick((scroll) => scroll.longFrameShare)
  const js = pick(perFrame)
  const style = pick((scroll) =>
    scroll.mainThread && scroll.frames > 0 ? scroll.mainThread.styleMs / scroll.frames : null,
  )
  const layout = pick((scroll) =>
    scroll.mainThread && scroll.frames > 0 ? scroll.mainThread.layoutMs / scroll.frames : null,
  )
  const usable = medianOf(table.map((run) => run.dataToUsableMs))
  const pct = (value: number | null) => (value === null ? null : value * 100)
  const out = [
    `## Scroll floor: the same rows as bare HTML in the same virtualiser`,
    '',
    `Runs: ${table.length} of the log (\`size=all\`, ${fmt(medianOf(table.map((run) => run.resultRows)), '', 0)} rows), ${floorRuns.length} of the floor (${fmt(medianOf(floorRuns.map((run) => run.rows)), '', 0)} rows), alternating in one tab.`,
    '',
    '| | log | floor | log ÷ floor | goal |',
    '|---|---:|---:|---:|---|',
    `| **p95 frame** | **${fmt(p95.table, ' ms')}** | ${fmt(p95.floor, ' ms')} | **${ratio(p95.table, p95.floor)}** | ≤ 17 ms and ≤ ×1.2 |`,
    `| median frame | ${fmt(middle.table, ' ms')} | ${fmt(middle.floor, ' ms')} | ${ratio(middle.table, middle.floor)} | |`,
    `| frames > 50 ms | ${fmt(pct(share.table), ' %')} | ${fmt(pct(share.floor), ' %')} | | ≤ 2 % |`,
    `| JavaScript per frame | ${fmt(js.table, ' ms', 2)} | ${fmt(js.floor, ' ms', 2)} | ${ratio(js.table, js.floor)} | ≤ 6 ms |`,
    `| style / layout per frame | ${fmt(style.table, '', 2)} / ${fmt(layout.table, ' ms', 2)} | ${fmt(style.floor, '', 2)} / ${fmt(layout.floor, ' ms', 2)} | | |`,
    `| data loaded → usable | ${fmt(usable, ' ms', 0)} | | | ≤ 100 ms |`,
  ]
  return out.join('\n')
}
