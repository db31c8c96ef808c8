import type { CallbackCode, CallbackStatus, KkmCallbackRequest } from '@/api/callback'
import type { Messages } from '@/i18n'
import { en } from '@/i18n/messages/en'

export const MAX_MESSAGE_LENGTH = 500
/** A UUID in the shape the field wants: a placeholder, not words to translate. */
export const EXAMPLE_REQUEST_ID = '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface CallbackFields {
  requestId: string
  status: CallbackStatus
  /** The Select's value: a code as text, or null before one is chosen. */
  code: string | null
  message: string
}

export type CallbackFieldErrors = Partial<Record<keyof CallbackFields, string>>

export const EMPTY_FIELDS: CallbackFields = {
  requestId: '',
  status: 'success',
  code: '0',
  message: '',
}

/** A success always carries code 0; an error needs a code that says what went wrong. */
export function codeForStatus(status: CallbackStatus, code: string | null): string | null {
  if (status === 'success') return '0'
  return code === '0' ? null : code
}

export function validateCallback(fields: CallbackFields, t: Messages = en): CallbackFieldErrors {
  const m = t.callback
  const errors: CallbackFieldErrors = {}
  const id = fields.requestId.trim()
  if (id === '') errors.requestId = m.requestIdRequired
  else if (!UUID.test(id)) errors.requestId = m.requestIdInvalid

  if (fields.status === 'success' && fields.code !== '0') {
    errors.code = m.codeSuccess
  } else if (fields.status === 'error' && (fields.code === null || fields.code === '0')) {
    errors.code = m.codeRequired
  }

  const message = fields.message.trim()
  if (fields.status === 'error' && message === '') errors.message = m.messageRequired
  else if (message.length > MAX_MESSAGE_LENGTH)
    errors.message = m.messageTooLong(message.length, MAX_MESSAGE_LENGTH)
  return errors
}

/**
 * The body exactly as it is sent: the id and the message trimmed. Before a code is chosen the
 * preview shows `"code": null`; validation keeps such a body from being sent.
 */
export function toCallbackBody(
  fields: CallbackFields,
): Omit<KkmCallbackRequest, 'code'> & { code: CallbackCode | null } {
  return {
    id: fields.requestId.trim(),
    status: fields.status,
    code: fields.code === null ? null : (Number(fields.code) as CallbackCode),
    message: fields.message.trim(),
  }
}

export function isComplete(body: ReturnType<typeof toCallbackBody>): body is KkmCallbackRequest {
  return body.code !== null
}
