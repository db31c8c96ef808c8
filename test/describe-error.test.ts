import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import { en } from '@/i18n/messages/en'
import { ru } from '@/i18n/messages/ru'
import { describeError } from '@/pages/describeError'

describe('error messages in the language shown', () => {
  it('words the console’s own messages in the language shown', () => {
    const timeout = new ApiError({
      kind: 'timeout',
      message: 'No answer from the server within 2 seconds.',
      own: { reason: 'timeout', seconds: 2 },
    })
    expect(describeError(timeout, en)).toMatchObject({
      title: 'The server is not answering',
      message: 'No answer from the server within 2 seconds.',
    })
    expect(describeError(timeout, ru)).toMatchObject({
      title: ru.errors.timeout,
      message: 'Сервер не ответил за 2 секунды.',
    })
    const offline = new ApiError({ kind: 'network', message: 'x', own: { reason: 'unreachable' } })
    expect(describeError(offline, ru).message).toBe(ru.errors.unreachable)
  })

  it('says what an HTTP status means when the server sent no message, and names any other status', () => {
    const unavailable = new ApiError({
      kind: 'http',
      status: 503,
      message: 'HTTP 503',
      own: { reason: 'status' },
    })
    expect(describeError(unavailable, en).message).toBe('The service is temporarily unavailable.')
    expect(describeError(unavailable, ru).message).toBe('Сервис временно недоступен.')
    const teapot = new ApiError({
      kind: 'http',
      status: 418,
      message: 'HTTP 418',
      own: { reason: 'status' },
    })
    expect(describeError(teapot, ru).message).toBe('Сервер ответил HTTP 418.')
  })

  it('shows the server’s own message as sent, in whatever language it came', () => {
    const refused = new ApiError({
      kind: 'http',
      status: 422,
      message: 'Location is not connected to a register.',
    })
    expect(describeError(refused, ru)).toMatchObject({
      title: ru.errors[422],
      message: 'Location is not connected to a register.',
    })
  })
})
