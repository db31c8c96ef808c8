import type { components } from '@/api/schema.gen'
import { db } from '../db'
import { createTransaction } from '../generators'
import { route } from '../http'
import { presentPrintResult } from '../present'
import { scenario } from '../scenarios'
import { FORBIDDEN, invalid, locationFor, NOT_FOUND, signedInUser, UNAUTHORIZED } from './access'

type FieldError = components['schemas']['FieldError']

/**
 * A receipt for a document of the log: a new transaction "sent for printing" on top of the log,
 * settling as the scenario's printer does, and a fiscalization request awaiting its callback.
 */
export const printHandler = route(
  'post',
  '/kkm_transactions/{location_id}/print_document_bill',
  'printDocumentBill',
)(async ({ reply, request, params, readBody }) => {
  const user = signedInUser(request)
  if (!user) return reply(401, UNAUTHORIZED)
  const found = locationFor(user, params.location_id)
  if (found.error) return reply(found.error, found.error === 403 ? FORBIDDEN : NOT_FOUND)
  const body = await readBody()
  const log = db.transactions.get(found.company.id) ?? []
  const errors: FieldError[] = []
  const documentId = body?.document_id
  const type = body?.type
  if (typeof documentId !== 'number' || !Number.isInteger(documentId) || documentId < 1) {
    errors.push({ field: 'document_id', message: 'document_id must be a positive integer.' })
  }
  if (type !== 0 && type !== 1)
    errors.push({
      field: 'type',
      message: 'Only sale (0) and sale return (1) can be printed for a document.',
    })
  if (body?.is_pos_enabled !== undefined && typeof body.is_pos_enabled !== 'boolean') {
    errors.push({ field: 'is_pos_enabled', message: 'is_pos_enabled must be a boolean.' })
  }
  const source = log.find(
    (t) => t.document.id === documentId && (t.type.id === 0 || t.type.id === 1),
  )
  if (errors.length === 0 && !source)
    errors.push({
      field: 'document_id',
      message: `Document ${String(documentId)} was not found at this location.`,
    })
  if (errors.length > 0 || !source || (type !== 0 && type !== 1)) return reply(422, invalid(errors))

  const transaction = createTransaction({
    id: db.nextTransactionId++,
    at: Date.now(),
    offsetHours: found.company.timezone,
    printed_count: 0,
    sum: source.sum,
    type,
    status: 2,
    document: source.document,
    cashier: { id: user.id, name: user.name },
  })
  if (scenario.printer !== 'manual') {
    transaction.settleAt = Date.now() + scenario.printSettleMs
    transaction.finalStatus = scenario.printer === 'offline' ? 0 : 1
  }
  log.unshift(transaction)
  const fiscalRequestId = crypto.randomUUID()
  db.pendingCallbacks.set(fiscalRequestId, {
    locationId: found.company.id,
    transactionId: transaction.id,
  })
  return reply(200, {
    success: true,
    data: presentPrintResult(
      {
        kkmType: 0,
        status: 2,
        transactions: [transaction],
        // Opaque in the API; here it carries the fiscalization request, as sent to the partner.
        billJson: [
          {
            id: fiscalRequestId,
            document_id: source.document.id,
            type: type === 0 ? 'sale' : 'return',
            is_pos_enabled: body?.is_pos_enabled ?? false,
          },
        ],
      },
      scenario.profile,
    ),
    meta: [],
  })
})
