import { useEffect, useRef } from 'react'
import { PrintBillDialog } from '@/components/PrintBillDialog'
import type { LocationFormat } from '@/log/view'
import { usePrintFlow } from './usePrintFlow'
import type { PrintTarget } from './printFlowModel'

/** A cashier's request to print: a new `id` each time, so the same row can be asked for again. */
export interface PrintRequest {
  id: number
  target: Omit<PrintTarget, 'usePosTerminal'>
}

/**
 * What opened the dialog, found again after it closes. The element itself when it is still on
 * the page; else the one standing in its place: the same name in the same row (`data-row-id`),
 * as the table may have drawn its rows anew while a print ran. No component ref: the table's
 * rows are plain elements with delegated handlers.
 */
interface Opener {
  element: HTMLElement
  rowId: string | null
  name: string | null
}

function rememberOpener(): Opener | null {
  const element = document.activeElement
  if (!(element instanceof HTMLElement) || element === document.body) return null
  return {
    element,
    rowId: element.closest<HTMLElement>('[data-row-id]')?.dataset.rowId ?? null,
    name: element.getAttribute('aria-label'),
  }
}

function findOpener(opener: Opener): HTMLElement | null {
  if (opener.element.isConnected) return opener.element
  if (opener.name === null) return null
  const named = `[aria-label="${CSS.escape(opener.name)}"]`
  const selector =
    opener.rowId === null ? named : `[data-row-id="${CSS.escape(opener.rowId)}"] ${named}`
  return document.querySelector<HTMLElement>(selector)
}

/** Focus back to what opened the dialog (WCAG 2.4.3), unless the cashier has moved it elsewhere. */
function returnFocus(opener: Opener | null) {
  const active = document.activeElement
  const lost = !active || active === document.body || active.closest('[role="dialog"]') !== null
  if (opener && lost) findOpener(opener)?.focus()
}

/**
 * The print flow and its dialog, loaded with the log's other dialogs (logDialogs.ts): nothing
 * of it is needed before the first Print, and the log's first load stays within its budget. It
 * stays mounted once loaded, so a receipt is followed to its outcome after the dialog closes.
 */
export function PrintFlow({
  locationId,
  format,
  request,
}: {
  locationId: number
  format: LocationFormat
  request: PrintRequest | null
}) {
  const print = usePrintFlow(locationId, format)
  const { open, opened } = print
  const handled = useRef(0)
  const opener = useRef<Opener | null>(null)
  useEffect(() => {
    if (!request || handled.current === request.id) return
    handled.current = request.id
    opener.current = rememberOpener()
    open(request.target)
  }, [request, open])
  // On closing, not after the closing transition: tests run without transitions, and the
  // dialog has let focus go by then.
  const wasOpened = useRef(false)
  useEffect(() => {
    if (wasOpened.current && !opened) returnFocus(opener.current)
    wasOpened.current = opened
  }, [opened])
  if (!print.dialog) return null
  return (
    <PrintBillDialog
      opened={opened}
      onClose={print.close}
      onClosed={() => returnFocus(opener.current)}
      {...print.dialog}
    />
  )
}
