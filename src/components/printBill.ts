/** What the print dialog shows: the operation, the log's check, and where the print is. */

export type PrintOperation = 'sale' | 'return'

/** What the log says about earlier receipts for this document and operation. */
export type DuplicateCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'clear' }
  /**
   * Printing is an explicit choice: the same receipt already `printed` or `in-flight` (being
   * printed), or a return with `no-sale` to return. `message` says all the log showed.
   */
  | { state: 'duplicate'; reason: 'printed' | 'in-flight' | 'no-sale'; message: string }
  | { state: 'failed'; message: string }

/** Where this print is: one confirmed intent, followed to its end. */
export type PrintPhase =
  | { kind: 'ready' }
  | { kind: 'sending' }
  | { kind: 'following'; statusLabel: string }
  | { kind: 'succeeded'; statusLabel: string }
  | { kind: 'failed'; title: string; message: string; details: string[] }
  | { kind: 'unknown'; checking: boolean; foundLabel: string | null; message: string }
  | { kind: 'gave-up'; statusLabel: string; seconds: number }
