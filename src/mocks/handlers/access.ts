import type { components } from '@/api/schema.gen'
import { db, type MockUser } from '../db'

type ErrorBody = components['schemas']['ErrorBody']
type FieldError = components['schemas']['FieldError']

/** The answers every resource shares, in the documentation's envelope. */
export const UNAUTHORIZED: ErrorBody = {
  success: false,
  data: null,
  meta: { message: 'Authentication needed.' },
}
export const FORBIDDEN: ErrorBody = {
  success: false,
  data: null,
  meta: { message: 'Access denied.' },
}
export const NOT_FOUND: ErrorBody = { success: false, data: null, meta: {} }

export function invalid(errors: FieldError[]): ErrorBody {
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

export function partnerOk(request: Request): boolean {
  const auth = parseAuthorization(request.headers.get('Authorization'))
  return auth !== null && db.partnerTokens.has(auth.partner)
}

export function signedInUser(request: Request): MockUser | null {
  const auth = parseAuthorization(request.headers.get('Authorization'))
  if (!auth || !db.partnerTokens.has(auth.partner) || !auth.user) return null
  return db.users.find((user) => user.userToken === auth.user) ?? null
}

/** Resolves a location id from the path for a signed-in user: 404 unknown, 403 not theirs. */
export function locationFor(user: MockUser, raw: unknown) {
  const id = Number(raw)
  const company = Number.isInteger(id) ? db.companies.find((c) => c.id === id) : undefined
  if (!company) return { error: 404 } as const
  if (!user.locationIds.includes(company.id)) return { error: 403 } as const
  return { company } as const
}

/** A query parameter that must be a positive integer: the fallback when absent, null when wrong. */
export function positiveInt(raw: string | null, fallback: number): number | null {
  if (raw === null || raw === '') return fallback
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null
}
