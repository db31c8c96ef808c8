import { mutationOptions } from '@tanstack/react-query'
import { api, authorizationHeader, payload } from './client'
import { queryKeys } from './keys'
import { verifyCredentials } from './locations'
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

/** What a proven sign-in gives the session: both tokens, and the user when a password named one. */
export interface SignedIn {
  partnerToken: string
  userToken: string
  user: { id: number | null; name: string } | null
}

/** The form as typed: tokens are trimmed here; a password is sent exactly as typed. */
export type SignInInput =
  | { method: 'tokens'; partnerToken: string; userToken: string }
  | { method: 'password'; partnerToken: string; login: string; password: string }

/**
 * Signing in: a password is traded for the user token first; then the pair is proven by a real
 * call, whose locations are kept so the shell does not ask again. The caller starts the session.
 */
export const signInMutation = () =>
  mutationOptions({
    mutationKey: queryKeys.mutations.signIn(),
    mutationFn: async (input: SignInInput, { client }): Promise<SignedIn> => {
      const partnerToken = input.partnerToken.trim()
      let userToken: string
      let user: SignedIn['user'] = null
      if (input.method === 'password') {
        const account = await signInWithPassword({
          partnerToken,
          login: input.login.trim(),
          password: input.password,
        })
        userToken = account.user_token
        user = { id: account.id, name: account.name }
      } else {
        userToken = input.userToken.trim()
      }
      const locations = await verifyCredentials({ partnerToken, userToken })
      client.setQueryData(queryKeys.locations(), locations)
      return { partnerToken, userToken, user }
    },
  })

/** Unlocking was asked for a session that is no longer locked (signed out, or unlocked in another way). */
export class NotLockedError extends Error {
  override readonly name = 'NotLockedError'
  constructor() {
    super('the session is not locked')
  }
}

/** The locked session, as the lock screen knows it; null when there is none any more. */
export interface UnlockInput {
  locked: { partnerToken: string; user: SignedIn['user'] } | null
  userToken: string
}

/**
 * Unlocking after the idle lock: the new user token is proven with the kept partner token, and
 * the locations it returns are kept. The caller starts the session and refreshes what is shown.
 */
export const unlockMutation = () =>
  mutationOptions({
    mutationKey: queryKeys.mutations.unlock(),
    mutationFn: async ({ locked, userToken }: UnlockInput, { client }): Promise<SignedIn> => {
      if (!locked) throw new NotLockedError()
      const locations = await verifyCredentials({ partnerToken: locked.partnerToken, userToken })
      client.setQueryData(queryKeys.locations(), locations)
      return { partnerToken: locked.partnerToken, userToken, user: locked.user }
    },
  })
