import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { indexNear, layoutFor, type RowSource, type TableLayout } from './transactionRows'

/** The table's width, its body's top on the page, and the layout its header had then. */
export interface TableBox {
  width: number
  top: number
  layout: TableLayout
}

/**
 * Where the table is: measured once per size or layout change, never on scroll. Its width picks
 * its layout; its body's top is where the virtualiser counts rows from, and depends on the
 * header, whose height differs between layouts. `placed` is false until the box was measured
 * with the header in the layout it now has: rows drawn before that would sit at a guessed place
 * and all be drawn again a moment later (on a 10,000-row log, a second render and layout).
 */
export function useTablePlace(
  rootRef: RefObject<HTMLDivElement | null>,
  bodyRef: RefObject<HTMLDivElement | null>,
  touch: boolean,
): { box: TableBox | null; layout: TableLayout; placed: boolean } {
  const [box, setBox] = useState<TableBox | null>(null)
  const layout = layoutFor(box?.width ?? 0, touch)
  const placed = box?.layout === layout
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
  // A new layout's header: its body's top is read again before any row is drawn.
  useLayoutEffect(() => {
    drawn.current = layout
    if (!placed) measure.current()
  }, [placed, layout])
  return { box, layout, placed }
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
