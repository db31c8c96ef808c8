import type { DocumentTypeId, OperationTypeId, PrintStatusId } from '@/api/wire'

/** The titles the API sends beside each enum id, in the documentation's English. */
export const OPERATION_TITLES: Record<OperationTypeId, string> = {
  0: 'Sale operation',
  1: 'Sale return operation',
  2: 'Correction operation',
  4: 'Shift opening',
  5: 'Shift closing',
  6: 'Cash deposit',
  7: 'Cash withdrawal',
  9: 'Get POS status',
  11: 'Get POS team status',
  12: 'Correction operation',
  13: 'Print X-report',
}

export const STATUS_TITLES: Record<PrintStatusId, string> = {
  0: 'Connection error with the cash register',
  1: 'Successfully',
  2: 'Sent for printing',
  3: 'Runtime error',
  4: 'Status check error',
  5: 'Waiting for the cash register to be ready',
}

export const DOCUMENT_TITLES: Record<DocumentTypeId, string> = {
  1: 'Sale of products',
  2: 'Provision of services',
  3: 'Arrival of products',
  4: 'Products write-off',
  5: 'Transfer of products',
  6: 'Inventory',
  7: 'Visit',
  8: 'Consumables write-off',
  9: 'Deposit replenishment',
}
