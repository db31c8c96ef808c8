import { delay, HttpResponse } from 'msw'
import { jsonAnswer } from './errors'
import type { Fault, ServerProfile } from './scenarios'

/**
 * Fault answers lie outside the contract on purpose (500, 503, broken JSON): they are what a real
 * network and a real server do on a bad day, so they are built here and not through `route`.
 * Their envelopes still take the profile's error shape, as everything a legacy server says does.
 */
export async function faultResponse(fault: Fault, profile: ServerProfile): Promise<Response> {
  const envelope = (status: number, meta: unknown, headers?: Record<string, string>) =>
    jsonAnswer(status, { success: false, data: null, meta }, profile, headers)
  switch (fault) {
    case 'unauthorized':
      return envelope(401, { message: 'Authentication needed.' })
    case 'forbidden':
      return envelope(403, { message: 'Access denied.' })
    case 'not-found':
      return envelope(404, [])
    case 'validation':
      return envelope(422, {
        message: 'An error has occurred.',
        errors: [
          { field: 'document_id', message: 'The document cannot be printed in its current state.' },
        ],
      })
    case 'rate-limited':
      return envelope(429, { message: 'Too many requests.' }, { 'Retry-After': '3' })
    case 'server-error':
      return envelope(500, { message: 'Internal server error.' })
    case 'unavailable':
      return new HttpResponse(
        '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
        {
          status: 503,
          headers: { 'Content-Type': 'text/html' },
        },
      )
    case 'network':
      return HttpResponse.error()
    case 'timeout':
      await delay('infinite')
      return HttpResponse.error()
    case 'malformed-json':
      return new HttpResponse('{"success":true,"data":[{"id":1,', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      })
    case 'success-false':
      return envelope(200, { message: 'The operation could not be completed.' })
    case 'legacy-error':
      return HttpResponse.json(
        {
          errors: { code: 401, message: 'Authentication needed' },
          meta: { message: 'Authentication needed.' },
        },
        { status: 401 },
      )
  }
}
