import type { components } from '@/api/schema.gen'
import { OPERATION_TITLES, STATUS_TITLES } from '../data/titles'
import { db } from '../db'
import { route } from '../http'
import { inLogOrder, pageOf } from '../paging'
import { presentCount, presentTransaction } from '../present'
import { scenario } from '../scenarios'
import {
  FORBIDDEN,
  invalid,
  locationFor,
  NOT_FOUND,
  positiveInt,
  signedInUser,
  UNAUTHORIZED,
} from './access'
import { settle } from './receipts'

type FieldError = components['schemas']['FieldError']

/** Accepts `YYYY-MM-DD` and the documentation's `YYYYMMDD`. */
function parseDay(raw: string | null): string | null | undefined {
  if (raw === null || raw === '') return undefined
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(raw)
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null
}

/** The calendar day of an ISO date-time as written, i.e. in the location's own offset. */
function localDay(printDate: string): string {
  return printDate.slice(0, 10)
}

/** A location's log, filtered by day, operation and status, paged as the profile's server pages. */
export const transactionsHandler = route(
  'get',
  '/kkm_transactions/{location_id}',
  'listKkmTransactions',
)(({ reply, request, params, url }) => {
  const user = signedInUser(request)
  if (!user) return reply(401, UNAUTHORIZED)
  const found = locationFor(user, params.location_id)
  if (found.error) return reply(found.error, found.error === 403 ? FORBIDDEN : NOT_FOUND)
  const query = url.searchParams
  const page = positiveInt(query.get('page'), 1)
  const pageSize = positiveInt(query.get('editable_length'), 25)
  const startDate = parseDay(query.get('start_date'))
  const endDate = parseDay(query.get('end_date'))
  const type = query.get('type')
  const status = query.get('status')
  const errors: FieldError[] = []
  if (page === null) errors.push({ field: 'page', message: 'page must be a positive integer.' })
  if (pageSize === null)
    errors.push({
      field: 'editable_length',
      message: 'editable_length must be a positive integer.',
    })
  if (startDate === null)
    errors.push({ field: 'start_date', message: 'start_date must be a date.' })
  if (endDate === null) errors.push({ field: 'end_date', message: 'end_date must be a date.' })
  if (type !== null && !(Number(type) in OPERATION_TITLES))
    errors.push({ field: 'type', message: 'Unknown operation type.' })
  if (status !== null && !(Number(status) in STATUS_TITLES))
    errors.push({ field: 'status', message: 'Unknown status.' })
  if (errors.length > 0 || page === null || pageSize === null) return reply(422, invalid(errors))
  const matching = (db.transactions.get(found.company.id) ?? []).map(settle).filter((t) => {
    const day = localDay(t.print_date)
    return (
      (!startDate || day >= startDate) &&
      (!endDate || day <= endDate) &&
      (type === null || t.type.id === Number(type)) &&
      (status === null || t.status.id === Number(status))
    )
  })
  const listed = pageOf(inLogOrder(matching, scenario.profile), page, pageSize, scenario.profile)
  return reply(200, {
    success: true,
    data: listed.data.map((t) => presentTransaction(t, scenario.profile)),
    meta: presentCount(listed.count, scenario.profile),
  })
})
