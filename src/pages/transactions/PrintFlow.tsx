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
  const { open } = print
  const handled = useRef(0)
  useEffect(() => {
    if (!request || handled.current === request.id) return
    handled.current = request.id
    open(request.target)
  }, [request, open])
  if (!print.dialog) return null
  return <PrintBillDialog opened={print.opened} onClose={print.close} {...print.dialog} />
}
