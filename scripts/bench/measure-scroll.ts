/** The log's scroll, measured alike on the app's table and on the bare-HTML floor (floor.ts). */
import { scrollExpression, type ScrollResult } from './page-scripts'
import { median, percentile, round } from './stats'
import { withTimeout } from './timeout'
import type { Page } from 'playwright-core'

export const LONG_FRAME_MS = 50

export interface FrameStats {
  frames: number
  medianMs: number | null
  p95Ms: number | null
  maxMs: number | null
  /** Frames whose interval exceeded LONG_FRAME_MS. */
  longFrames: number
  /** longFrames scaled up to the whole height when the time limit cut the scroll short. */
  longFramesFullEstimate: number
  /** longFrames ÷ frames, comparable between runs that scrolled different distances. */
  longFrameShare: number | null
  totalScrollMs: number
  /** totalScrollMs scaled up to the whole height when the time limit cut the scroll short. */
  fullScrollMsEstimate: number
  pxPerSecond: number
  steps: number
  scrollHeightPx: number
  reachedFraction: number
  reachedBottom: boolean
  /**
   * Where the main thread's time went during the scroll (CDP Performance metrics): JavaScript,
   * style recalculation, layout, and all tasks together (the rest is mostly paint and
   * compositing work on the main thread).
   */
  mainThread: { scriptMs: number; styleMs: number; layoutMs: number; taskMs: number } | null
}

function frameStats(result: ScrollResult): FrameStats {
  const frames = result.frames
  const longFrames = frames.filter((ms) => ms > LONG_FRAME_MS).length
  const reached = result.reachedBottom ? 1 : Math.max(0.001, result.reachedFraction)
  const scrolledPx = reached * (result.scrollHeight - result.clientHeight)
  return {
    frames: frames.length,
    medianMs: round(median(frames)),
    p95Ms: round(percentile(frames, 95)),
    maxMs: round(frames.length > 0 ? Math.max(...frames) : null),
    longFrames,
    longFramesFullEstimate: Math.round(longFrames / reached),
    longFrameShare: frames.length > 0 ? round(longFrames / frames.length, 3) : null,
    totalScrollMs: Math.round(result.totalMs),
    fullScrollMsEstimate: Math.round(result.totalMs / reached),
    pxPerSecond: Math.round(scrolledPx / (result.totalMs / 1000)),
    steps: result.steps,
    scrollHeightPx: result.scrollHeight,
    reachedFraction: round(reached, 3) ?? reached,
    reachedBottom: result.reachedBottom,
    mainThread: null,
  }
}

function isScrollResult(value: unknown): value is ScrollResult {
  return typeof value === 'object' && value !== null && 'frames' in value && 'totalMs' in value
}

/**
 * Scrolls the page from the log's top to its bottom, a step per frame, and reads Chromium's own
 * accounting of the main thread meanwhile (CDP Performance metrics).
 */
export async function measureScroll(
  page: Page,
  step: number,
  limitMs: number,
): Promise<{ scroll: FrameStats; frameIntervals: number[] }> {
  await page.waitForTimeout(300)
  const metrics = await page.context().newCDPSession(page)
  try {
    await metrics.send('Performance.enable')
    const before = await metrics.send('Performance.getMetrics')
    const result: unknown = await withTimeout(
      page.evaluate(scrollExpression(step, limitMs)),
      limitMs + 60_000,
      'the scroll',
    )
    const after = await metrics.send('Performance.getMetrics')
    if (!isScrollResult(result)) throw new Error('the scroll script returned nothing')
    // Seconds → ms.
    const spent = (name: string) => {
      const end = after.metrics.find((m) => m.name === name)?.value ?? 0
      const start = before.metrics.find((m) => m.name === name)?.value ?? 0
      return Math.round((end - start) * 1000)
    }
    return {
      scroll: {
        ...frameStats(result),
        mainThread: {
          scriptMs: spent('ScriptDuration'),
          styleMs: spent('RecalcStyleDuration'),
          layoutMs: spent('LayoutDuration'),
          taskMs: spent('TaskDuration'),
        },
      },
      frameIntervals: result.frames.map((ms) => Math.round(ms * 10) / 10),
    }
  } finally {
    await metrics.detach().catch(() => undefined)
  }
}
