import { HttpResponse } from 'msw'
import type { components } from '@/api/schema.gen'
import { jsonAnswer, legacyBody } from './errors'
import { HARNESS_HEADER } from './harness'
import { recordAnswered, recordRefused, retryAfterSeconds } from './rate'
import type { ServerProfile } from './scenarios'

type ErrorBody = components['schemas']['ErrorBody']

/**
 * The deployments' own Accept values, written out here rather than taken from the client's
 * constants: a typo there must show up as a 400, not be mirrored by the mock.
 */
const ACCEPT: Record<Exclude<ServerProfile['accept'], 'lenient'>, string> = {
  altegio: 'application/vnd.api.v2+json',
  yclients: 'application/vnd.yclients.v2+json',
}

const TOO_MANY: ErrorBody = { success: false, data: null, meta: { message: 'Too many requests.' } }

/**
 * What a strict deployment refuses before any route runs, so a refused print never prints.
 * The Accept check comes first, as a front server's would, and its 400s do not fill the rate
 * window; the rate window counts what it let through, not its own 429s.
 */
export function refusal(request: Request, profile: ServerProfile): Response | null {
  if (profile.accept !== 'lenient') {
    const wanted = ACCEPT[profile.accept]
    if (request.headers.get('Accept') !== wanted) {
      // Such deployments answer this in the legacy shape whatever their other errors look like.
      const body: ErrorBody = legacyBody(400, `Accept must be ${wanted}.`)
      return HttpResponse.json(body, { status: 400 })
    }
  }
  if (profile.rate === 'strict' && !request.headers.has(HARNESS_HEADER)) {
    const wait = retryAfterSeconds()
    if (wait !== null) {
      recordRefused()
      return jsonAnswer(429, TOO_MANY, profile, { 'Retry-After': String(wait) })
    }
    recordAnswered()
  }
  return null
}
