/**
 * Code that runs inside the page. It is kept as plain JavaScript source, not as functions passed
 * to `page.evaluate`: tsx compiles this file with esbuild's `keepNames`, which wraps inner
 * functions in `__name(...)` calls that do not exist in the page.
 */

/** The log's table (and the floor's): the page scrolls it, it has no scroller of its own. */
export const SCROLL_SELECTOR = '[data-testid="transaction-scroll"]'
export const ROW_SELECTOR = '[data-row-id]'
export const DETAILS_SELECTOR = `${SCROLL_SELECTOR} [data-row-id] button[aria-label^="Details of transaction"]`
export const DIALOG_SELECTOR = '[role="dialog"]'

/** The binding INIT_SCRIPT calls with each API fetch's URL, wall-clock start and document (its timeOrigin). */
export const API_CALL_BINDING = '__benchApiCall'

/**
 * Installed before every document:
 * - records the first click on a row's Details button (its event time, relative to navigation
 *   start) and the page's long tasks;
 * - reports every `fetch()` of `/api/v1/` to API_CALL_BINDING at the moment the app calls it,
 *   which is the moment its rate limiter let the request go.
 */
export const INIT_SCRIPT = `
(() => {
  const state = { clickAt: null, longTasks: [] };
  Object.defineProperty(window, '__bench', { value: state });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (state.clickAt === null && target && target.closest('button[aria-label^="Details of transaction"]'))
      state.clickAt = event.timeStamp;
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    try {
      const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
      const report = window['${API_CALL_BINDING}'];
      if (url.includes('/api/v1/') && typeof report === 'function')
        void report(url, performance.timeOrigin + performance.now(), performance.timeOrigin).catch(() => {});
    } catch {}
    return originalFetch.call(this, input, init);
  };
})();
`

/** Data a page reports at the end of a run; the shape INIT_SCRIPT and the scripts below return. */
export interface PageState {
  clickAt: number | null
  longTasks: { start: number; duration: number }[]
}

/**
 * Polled every animation frame (by waitForFunction, which needs a real function here: the app's
 * CSP forbids evaluating strings) until the log's table reports at least `min` rows in
 * aria-rowcount and its first row is painted inside the viewport; then it answers the time since
 * navigation start (performance.now() of the new document). No inner functions: see the top.
 */
export function rowsVisibleProbe(arg: { min: number; table: string; row: string }): number | false {
  const table = document.querySelector(arg.table)
  if (!table) return false
  if (!(Number(table.getAttribute('aria-rowcount')) >= arg.min)) return false
  const row = table.querySelector(arg.row)
  if (!row) return false
  const box = row.getBoundingClientRect()
  if (box.height === 0 || box.bottom <= 0 || box.top >= window.innerHeight) return false
  return performance.now()
}

export const TABLE_SELECTOR = SCROLL_SELECTOR

export const NOW_EXPRESSION = 'performance.now()'

export interface ListTiming {
  url: string
  startTime: number
  responseEnd: number
}

/** Resource timings (relative to navigation start) of this document's requests to `pathPart`. */
export function resourceTimingsExpression(pathPart: string): string {
  return `
performance.getEntriesByType('resource')
  .filter((entry) => entry.name.includes(${JSON.stringify(pathPart)}))
  .map((entry) => ({ url: entry.name, startTime: entry.startTime, responseEnd: entry.responseEnd }))
`
}

export const PAGE_STATE_EXPRESSION = `({ clickAt: window.__bench ? window.__bench.clickAt : null, longTasks: window.__bench ? window.__bench.longTasks.slice() : [] })`

export interface ScrollResult {
  /** requestAnimationFrame-to-requestAnimationFrame intervals, ms. */
  frames: number[]
  totalMs: number
  steps: number
  scrollHeight: number
  clientHeight: number
  /** scrollTop at the end ÷ the scrollable height: 1 unless the time limit cut it short. */
  reachedFraction: number
  reachedBottom: boolean
  rowsInDom: number
}

/**
 * Scrolls the page from the table's top to the bottom, `step` pixels per animation frame,
 * recording every frame's interval from requestAnimationFrame timestamps. Stops two frames after
 * the bottom (so the last step's frame is counted) or after `limitMs`.
 */
export function scrollExpression(step: number, limitMs: number): string {
  return `
(async () => {
  const table = document.querySelector('${SCROLL_SELECTOR}');
  const box = document.scrollingElement;
  if (!table || !box) throw new Error('no table');
  box.scrollTop = Math.max(0, table.getBoundingClientRect().top + box.scrollTop - 60);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const frames = [];
  let steps = 0;
  let last = null;
  let bottomFrames = 0;
  const started = performance.now();
  const reachedBottom = await new Promise((resolve) => {
    const tick = (time) => {
      if (last !== null) frames.push(time - last);
      last = time;
      const max = box.scrollHeight - box.clientHeight;
      if (box.scrollTop >= max - 1) {
        bottomFrames += 1;
        if (bottomFrames >= 2) return resolve(true);
      } else {
        box.scrollTop = Math.min(max, box.scrollTop + ${step});
        steps += 1;
      }
      if (performance.now() - started > ${limitMs}) return resolve(false);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    frames,
    totalMs: performance.now() - started,
    steps,
    scrollHeight: box.scrollHeight,
    clientHeight: box.clientHeight,
    reachedFraction: box.scrollTop / Math.max(1, box.scrollHeight - box.clientHeight),
    reachedBottom,
    rowsInDom: document.querySelectorAll('${ROW_SELECTOR}').length,
  };
})()
`
}

/** The result's size as the table tells assistive technology (aria-rowcount less the header). */
export const RESULT_ROWS_EXPRESSION = `Number(document.querySelector('${TABLE_SELECTOR}')?.getAttribute('aria-rowcount') ?? 1) - 1`

export const ROW_COUNT_EXPRESSION = `document.querySelectorAll('${ROW_SELECTOR}').length`

/**
 * For Lighthouse's pages: the session the app reads on start, and the preferences this browser
 * remembers (localStorage), set before any of its scripts; `null`: none (a first visit, whatever
 * an earlier run's page left in the profile).
 */
export function sessionInitScript(origin: string, session: unknown, preferences?: unknown): string {
  const remembered =
    preferences === undefined
      ? ''
      : preferences === null
        ? `localStorage.removeItem('kkm.preferences');`
        : `localStorage.setItem('kkm.preferences', ${JSON.stringify(JSON.stringify(preferences))});`
  return `
(() => {
  try {
    if (location.origin === ${JSON.stringify(origin)}) {
      sessionStorage.setItem('kkm.session', ${JSON.stringify(JSON.stringify(session))});
      ${remembered}
    }
  } catch {}
})();
`
}
