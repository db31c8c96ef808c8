import type { components } from '@/api/schema.gen'
import {
  db,
  DOCUMENT_TITLES,
  isoInZone,
  OPERATION_TITLES,
  STATUS_TITLES,
  type MockTransaction,
  type MockUser,
} from './db'
import { route } from './http'
import { inLogOrder, pageOf } from './paging'
import {
  presentCompany,
  presentCount,
  presentCountry,
  presentPrintResult,
  presentTransaction,
} from './present'
import { scenario } from './scenarios'

type ErrorBody = components['schemas']['ErrorBody']
type FieldError = components['schemas']['FieldError']
type OperationTypeId = components['schemas']['OperationTypeId']
type PrintStatusId = components['schemas']['PrintStatusId']

const UNAUTHORIZED: ErrorBody = {
  success: false,
  data: null,
  meta: { message: 'Authentication needed.' },
}
const FORBIDDEN: ErrorBody = { success: false, data: null, meta: { message: 'Access denied.' } }
const NOT_FOUND: ErrorBody = { success: false, data: null, meta: {} }

function invalid(errors: FieldError[]): ErrorBody {
  return { success: false, data: null, meta: { message: 'An error has occurred.', errors } }
}

/** `Bearer <partner>` or `Bearer <partner>, User <user>`. */
export function parseAuthorization(
  header: string | null,
): { partner: string; user: string | null } | null {
  const match = /^Bearer\s+([^\s,]+)\s*(?:,\s*User\s+([^\s,]+))?\s*$/.exec(header ?? '')
  if (!match?.[1]) return null
  return { partner: match[1], user: match[2] ?? null }
}

function partnerOk(request: Request): boolean {
  const auth = parseAuthorization(request.headers.get('Authorization'))
  return auth !== null && db.partnerTokens.has(auth.partner)
}

function signedInUser(request: Request): MockUser | null {
  const auth = parseAuthorization(request.headers.get('Authorization'))
  if (!auth || !db.partnerTokens.has(auth.partner) || !auth.user) return null
  return db.users.find((user) => user.userToken === auth.user) ?? null
}

/** Resolves a location id from the path for a signed-in user: 404 unknown, 403 not theirs. */
function locationFor(user: MockUser, raw: unknown) {
  const id = Number(raw)
  const company = Number.isInteger(id) ? db.companies.find((c) => c.id === id) : undefined
  if (!company) return { error: 404 } as const
  if (!user.locationIds.includes(company.id)) return { error: 403 } as const
  return { company } as const
}

function positiveInt(raw: string | null, fallback: number): number | null {
  if (raw === null || raw === '') return fallback
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null
}

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

const IN_FLIGHT: ReadonlySet<number> = new Set([2, 5])

/** Receipts settle when their time comes, so timers need not run in tests. */
function settle(transaction: MockTransaction): MockTransaction {
  if (
    transaction.settleAt !== undefined &&
    Date.now() >= transaction.settleAt &&
    transaction.finalStatus !== undefined
  ) {
    setStatus(transaction, transaction.finalStatus)
  }
  return transaction
}

function setStatus(transaction: MockTransaction, status: PrintStatusId) {
  transaction.status = { id: status, title: STATUS_TITLES[status] }
  if (status === 1) transaction.printed_count = 1
  delete transaction.settleAt
  delete transaction.finalStatus
}

export const handlers = [
  route(
    'post',
    '/auth',
    'authenticateUser',
  )(async ({ reply, request, readBody }) => {
    if (!partnerOk(request)) return reply(401, UNAUTHORIZED)
    const body = await readBody()
    const errors: FieldError[] = []
    if (typeof body?.login !== 'string' || body.login.trim() === '')
      errors.push({ field: 'login', message: 'Login is required.' })
    if (typeof body?.password !== 'string' || body.password === '')
      errors.push({ field: 'password', message: 'Password is required.' })
    if (errors.length > 0) return reply(422, invalid(errors))
    const login = String(body?.login).trim().toLowerCase()
    const user = db.users.find((u) =>
      [u.login, u.phone, u.email].some((id) => id.toLowerCase() === login),
    )
    if (!user || user.password !== body?.password) {
      return reply(401, {
        success: false,
        data: null,
        meta: { message: 'Incorrect login or password.' },
      })
    }
    return reply(201, {
      success: true,
      data: {
        id: user.id,
        user_token: user.userToken,
        name: user.name,
        phone: user.phone,
        login: user.login,
        email: user.email,
        avatar: '',
        is_approved: true,
        is_email_confirmed: true,
      },
      meta: [],
    })
  }),

  route(
    'get',
    '/countries',
    'listCountries',
  )(({ reply, request }) => {
    if (!partnerOk(request)) return reply(401, UNAUTHORIZED)
    return reply(200, {
      success: true,
      data: db.countries.map((c) => presentCountry(c, scenario.profile)),
      meta: [],
    })
  }),

  route(
    'get',
    '/companies',
    'listCompanies',
  )(({ reply, request, url }) => {
    if (!partnerOk(request)) return reply(401, UNAUTHORIZED)
    const my = url.searchParams.get('my') === '1'
    const user = signedInUser(request)
    if (my && !user) return reply(401, UNAUTHORIZED)
    const page = positiveInt(url.searchParams.get('page'), 1) ?? 1
    const count = positiveInt(url.searchParams.get('count'), 25) ?? 25
    const visible = db.companies.filter((c) => !my || (user?.locationIds.includes(c.id) ?? false))
    const listed = pageOf(visible, page, count, scenario.profile)
    return reply(200, {
      success: true,
      data: listed.data.map((c) => presentCompany(c, scenario.profile)),
      meta: presentCount(listed.count, scenario.profile),
    })
  }),

  route(
    'get',
    '/integration/kkm/references/tax_system/{country_id}',
    'listTaxSystems',
  )(({ reply, request, params }) => {
    if (!signedInUser(request)) return reply(401, UNAUTHORIZED)
    const id = Number(params.country_id)
    const systems = db.taxSystems[id]
    if (!db.countries.some((c) => c.id === id) || !systems) return reply(404, NOT_FOUND)
    return reply(200, {
      success: true,
      data: systems,
      meta: presentCount(systems.length, scenario.profile),
    })
  }),

  route(
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
  }),

  route(
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
    if (errors.length > 0 || !source || (type !== 0 && type !== 1))
      return reply(422, invalid(errors))

    const offset = found.company.timezone
    const operation: OperationTypeId = type
    const transaction: MockTransaction = {
      id: db.nextTransactionId++,
      print_date: isoInZone(Date.now(), offset),
      printed_count: 0,
      sum: source.sum,
      type: { id: operation, title: OPERATION_TITLES[operation] },
      status: { id: 2, title: STATUS_TITLES[2] },
      document: {
        id: source.document.id,
        type: source.document.type,
        type_title: DOCUMENT_TITLES[source.document.type],
      },
      cashier: { id: user.id, name: user.name },
    }
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
              type: operation === 0 ? 'sale' : 'return',
              is_pos_enabled: body?.is_pos_enabled ?? false,
            },
          ],
        },
        scenario.profile,
      ),
      meta: [],
    })
  }),

  route(
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
  }),
]
