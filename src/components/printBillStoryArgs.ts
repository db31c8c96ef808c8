import { fn } from 'storybook/test'
import { storyData } from '../../.storybook/decorators'
import type { PrintBillDialogProps } from './PrintBillDialog'

/**
 * The print dialog's stories (PrintBillDialog.stories.tsx, PrintBillDialogChecks.stories.tsx)
 * start from one state: ready to print a sale of location 1 from the mock API's seed whose
 * receipt failed, so printing it again is legitimate.
 */
export const failedTransaction = storyData.find(1, (t) => t.type.id === 0 && t.status.id === 3)
export const failedSale = storyData.row(failedTransaction, 1)

export const documentIdOf = (label: string) => label.replace(/^.*#/, '')

export const READY_TO_PRINT: PrintBillDialogProps = {
  opened: true,
  onClose: fn(),
  documentEditable: false,
  documentValue: documentIdOf(failedSale.document),
  onDocumentChange: fn(),
  documentError: null,
  documentLabel: failedSale.document,
  operation: 'sale',
  onOperationChange: fn(),
  usePosTerminal: false,
  onUsePosTerminalChange: fn(),
  sum: failedSale.sum,
  check: { state: 'clear' },
  duplicateAcknowledged: false,
  onDuplicateAcknowledgedChange: fn(),
  phase: { kind: 'ready' },
  onConfirm: fn(),
  onPrintAgain: fn(),
  onCheckAgain: fn(),
}
