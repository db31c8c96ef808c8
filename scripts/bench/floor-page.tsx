/**
 * The bench's floor (issue #14.1): the log's rows as bare HTML in the same virtualiser, with the
 * same fixed row height, overscan and page scroll as TransactionTable, and nothing else — no
 * Mantine, no app. What scrolling these costs is the least the real table could cost; the bench
 * reports the table's figures against it. Built by the bench alone (floor.ts), never by Vite, so
 * it adds nothing to the app's bundles.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useLayoutEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { TransactionRowView } from '../../src/components/transactionRows'

const ROW_HEIGHT = 52

const Row = memo(function Row({
  row,
  index,
  offset,
}: {
  row: TransactionRowView
  index: number
  offset: number
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-id={row.id}
      className={index % 2 === 1 ? 'row odd' : 'row'}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <div role="cell">{row.printedAt}</div>
      <div role="cell">{row.operation}</div>
      <div role="cell">{row.document}</div>
      <div role="cell">{row.sum}</div>
      <div role="cell">
        <span className="status">{row.statusLabel}</span>
      </div>
      <div role="cell">{row.cashier}</div>
      <div role="cell">{row.printedCount}</div>
      <div role="cell">
        <button type="button" aria-label={`Details of transaction ${row.id}`} />
        {row.printable && <button type="button" aria-label={`Print receipt for ${row.document}`} />}
      </div>
    </div>
  )
})

function Floor({ rows }: { rows: TransactionRowView[] }) {
  const bodyRef = useRef<HTMLDivElement>(null)
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const top = bodyRef.current?.getBoundingClientRect().top ?? 0
    setScrollMargin(Math.round(top + window.scrollY))
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin,
  })
  return (
    <div
      role="table"
      aria-label="Floor"
      aria-rowcount={rows.length + 1}
      data-testid="transaction-scroll"
    >
      <div role="row" aria-rowindex={1} className="row head">
        {['Printed at', 'Operation', 'Document', 'Sum', 'Status', 'Cashier', 'Printed', ''].map(
          (label) => (
            <div role="columnheader" key={label}>
              {label}
            </div>
          ),
        )}
      </div>
      <div ref={bodyRef} className="body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          return row ? (
            <Row key={row.id} row={row} index={item.index} offset={item.start - scrollMargin} />
          ) : null
        })}
      </div>
    </div>
  )
}

const data = document.getElementById('rows')?.textContent ?? '[]'
const mount = document.getElementById('root')
if (mount) createRoot(mount).render(<Floor rows={JSON.parse(data) as TransactionRowView[]} />)
