import type { components } from '@/api/schema.gen'
import { db } from '../db'
import { route } from '../http'
import { invalid, NOT_FOUND, signedInUser, UNAUTHORIZED } from './access'
import { IN_FLIGHT, setStatus } from './receipts'

type FieldError = components['schemas']['FieldError']

/** The cash register's report on a fiscalization request: settles a receipt still in flight. */
export const callbackHandler = route(
  'post',
  '/integration/kkm/callback',
  'reportKkmCallback',
)(async ({ reply, request, readBody }) => {
  if (!signedInUser(request)) return reply(401, UNAUTHORIZED)
  const body = await readBody()
  const errors: FieldError[] = []
  if (
    typeof body?.id !== 'string' ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(body.id)
  ) {
    errors.push({ field: 'id', message: 'id must be a UUID.' })
  }
  if (body?.status !== 'success' && body?.status !== 'error')
    errors.push({ field: 'status', message: 'status must be "success" or "error".' })
  if (
    typeof body?.code !== 'number' ||
    ![0, 1001, 1002, 1003, 1004, 1005, 2001, 2002].includes(body.code)
  ) {
    errors.push({ field: 'code', message: 'Unknown result code.' })
  }
  if (typeof body?.message !== 'string')
    errors.push({ field: 'message', message: 'message is required.' })
  if (errors.length > 0 || typeof body?.id !== 'string') return reply(422, invalid(errors))
  const pending = db.pendingCallbacks.get(body.id.toLowerCase())
  if (!pending) return reply(404, NOT_FOUND)
  const transaction = db.transactions
    .get(pending.locationId)
    ?.find((t) => t.id === pending.transactionId)
  if (transaction && IN_FLIGHT.has(transaction.status.id)) {
    const hardware = body.code === 2001 || body.code === 2002
    setStatus(transaction, body.status === 'success' ? 1 : hardware ? 0 : 3)
  }
  db.pendingCallbacks.delete(body.id.toLowerCase())
  return reply(200, { success: true, data: null, meta: [] })
})
