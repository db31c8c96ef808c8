import { HttpResponse } from 'msw'
import type { components } from '@/api/schema.gen'
import type { ServerProfile } from './scenarios'

type Schemas = components['schemas']
type ErrorEnvelope = Schemas['ErrorEnvelope']
type LegacyErrorBody = Schemas['LegacyErrorBody']
type FieldError = Schemas['FieldError']

/** For envelopes that carry no message (the documented 404 has `meta: {}`): legacy needs one. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad request.',
  401: 'Authentication needed.',
  403: 'Access denied.',
  404: 'Not found.',
  422: 'An error has occurred.',
  429: 'Too many requests.',
  500: 'Internal server error.',
}

/** The shape of the documentation's legacy example: the message once bare, once with its period. */
export function legacyBody(
  status: number,
  message: string,
  errors?: FieldError[] | Schemas['ValidationErrors'],
): LegacyErrorBody {
  return {
    errors: { code: status, message: message.replace(/\.$/, '') },
    meta: errors === undefined ? { message } : { message, errors },
  }
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  return typeof body === 'object' && body !== null && 'success' in body && body.success === false
}

/**
 * Every `success:false` body, whatever its status, in the error shape of the profile: a
 * deployment that speaks legacy does so on every endpoint and for every failure.
 */
export function shapeError(status: number, body: unknown, profile: ServerProfile): unknown {
  if (profile.errors !== 'legacy' || !isErrorEnvelope(body)) return body
  const meta = Array.isArray(body.meta) ? {} : body.meta
  const message = meta.message ?? STATUS_MESSAGES[status] ?? 'An error has occurred.'
  return legacyBody(status, message, meta.errors)
}

/** The one place the mock's JSON leaves for the network. */
export function jsonAnswer(
  status: number,
  body: unknown,
  profile: ServerProfile,
  headers?: Record<string, string>,
): Response {
  return HttpResponse.json(shapeError(status, body, profile) as never, { status, headers })
}
