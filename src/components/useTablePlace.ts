import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { indexNear, layoutFor, type RowSource, type TableLayout } from './transactionRows'

/** The table's width, its body's top on the page, and the layout its header had then. */
interface TableBox {
  width: number
  top: number
  layout: TableLayout
}

/**
 * Where the table is: measured once per size or layout change, never on scroll. Its width picks
 * its layout; its body's top is where the virtualiser counts rows from, and depends on the
 * header, whose height differs between layouts. Until the first measure the window stands in for
 * the table (its width, and its bottom as the body's top): the rows are drawn in the first
 * render, and a wrong guess is corrected in the same frame, before anything is painted (the
 * measure runs in a layout effect). Holding the rows back until measured cost a 10,000-row log a
 * forced layout and a second commit on every load, 18 ms of 124 from data to usable, to save a
 * render only when the guess is wrong.
 */
export function useTablePlace(
  rootRef: RefObject<HTMLDivElement | null>,
  bodyRef: RefObject<HTMLDivElement | null>,
  touch: boolean,
): { top: number; layout: TableLayout } {
  const [box, setBox] = useState<TableBox | null>(null)
  const layout = layoutFor(box?.width ?? window.innerWidth, touch)
  // Until measured, the body is taken to start at the window's bottom: the first render draws
  // only the overscan's rows, which the measured place then adds to, never takes from.
  const top = box?.top ?? window.scrollY + window.innerHeight
  const measured = box?.layout === layout
  // The layout the header was last drawn in (the render that committed before each measure).
  const drawn = useRef(layout)
  const measure = useRef<() => void>(() => undefined)
  useLayoutEffect(() => {
    const root = rootRef.current
    const body = bodyRef.current
    if (!root || !body) return
    measure.current = () => {
      const width = root.clientWidth
      const top = Math.round(body.getBoundingClientRect().top + window.scrollY)
      const shown = drawn.current
      setBox((last) =>
        last?.width === width && last.top === top && last.layout === shown
          ? last
          : { width, top, layout: shown },
      )
    }
    measure.current()
    const observer = new ResizeObserver(() => measure.current())
    observer.observe(root)
    // Whatever above the table changes height (an alert, the toolbar wrapping) moves its body.
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [rootRef, bodyRef])
  // A new layout's header: its body's top is read again before the rows are painted.
  useLayoutEffect(() => {
    drawn.current = layout
    if (!measured) measure.current()
  }, [measured, layout])
  return { top, layout }
}

/**
 * Issue #13.9: rows a new read adds above the first row in view (the live log, newest first) do
 * not move it — the page scrolls by the rows added above it. At the very top (the first row in
 * view) the cashier is reading the newest, and the new ones come in above it.
 */
export function useKeepFirstRowInView({
  rows,
  viewKey,
  rowHeight,
  scrollMargin,
  headRef,
}: {
  rows: RowSource
  viewKey: string
  rowHeight: number
  scrollMargin: number
  headRef: RefObject<HTMLDivElement | null>
}) {
  const shown = useRef({ rows, viewKey })
  useLayoutEffect(() => {
    const last = shown.current
    if (last.rows === rows) return
    shown.current = { rows, viewKey }
    if (last.viewKey !== viewKey) return
    // Still the last rows' scroll: the first row not under the sticky header is the one read.
    const under = Math.max(0, headRef.current?.getBoundingClientRect().bottom ?? 0)
    const first = Math.floor((window.scrollY + under - scrollMargin) / rowHeight)
    if (first <= 0) return
    const id = last.rows.at(first)?.id
    if (id === undefined) return
    const found = indexNear(rows, id, first)
    if (found === null || found === first) return
    window.scrollBy(0, (found - first) * rowHeight)
  }, [rows, viewKey, rowHeight, scrollMargin, headRef])
}
