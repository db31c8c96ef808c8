import type { components } from '@/api/schema.gen'
import { db } from '../db'
import { route } from '../http'
import { invalid, partnerOk, UNAUTHORIZED } from './access'

type FieldError = components['schemas']['FieldError']

/** Sign-in with a login (phone or email) and password: the user token the other resources want. */
export const authHandler = route(
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
})
