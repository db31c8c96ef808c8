/**
 * Meanings of the API's enums, from the reference. The API also sends its own titles; these are
 * used where we know the id, and the API's title is shown when we do not.
 */
export const OPERATION_TYPE_LABELS: Record<number, string> = {
  0: 'Sale',
  1: 'Sale return',
  2: 'Correction',
  4: 'Shift opening',
  5: 'Shift closing',
  6: 'Cash deposit',
  7: 'Cash withdrawal',
  9: 'POS status',
  11: 'POS team status',
  12: 'Correction',
  13: 'X-report',
}

export const PRINT_STATUS_LABELS: Record<number, string> = {
  0: 'Connection error',
  1: 'Success',
  2: 'Sent for printing',
  3: 'Runtime error',
  4: 'Status check error',
  5: 'Waiting for register',
}

export const DOCUMENT_TYPE_LABELS: Record<number, string> = {
  1: 'Sale of products',
  2: 'Provision of services',
  3: 'Arrival of products',
  4: 'Products write-off',
  5: 'Transfer of products',
  6: 'Inventory',
  7: 'Visit',
  8: 'Consumables write-off',
  9: 'Client account replenishment',
}

export const CALLBACK_CODE_LABELS: Record<number, string> = {
  0: 'OK',
  1001: 'Document data error',
  1002: 'Positions error',
  1003: 'Payments error',
  1004: 'Customer error',
  1005: 'Cashier error',
  2001: 'Hardware error',
  2002: 'Hardware unavailable',
}

/** Our label for a known id, else the API's own title, else the id. */
export function labelFor(labels: Record<number, string>, id: number, apiTitle?: string): string {
  return labels[id] ?? (apiTitle?.trim() || `#${id}`)
}
