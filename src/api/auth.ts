import { api, authorizationHeader, payload } from './client'
import type { components } from './schema.gen'

export type AuthUser = components['schemas']['AuthUser']

/** `POST /auth`: trades a login and password for the user token. Sent with the partner token only. */
export async function signInWithPassword(input: {
  partnerToken: string
  login: string
  password: string
}): Promise<AuthUser> {
  const result = await api.POST('/auth', {
    body: { login: input.login, password: input.password },
    headers: {
      Authorization: authorizationHeader(
        { partnerToken: input.partnerToken, userToken: null },
        true,
      ),
    },
  })
  return payload(result).data
}
