import { isApiError } from '@/api/errors'
import type { Messages } from '@/i18n'
import type { ErrorDescription } from '../describeError'

export type SignInMethod = 'tokens' | 'password'

/**
 * Which token a 401 at sign-in points at. The API answers the same "Authentication needed." for a
 * wrong partner token and a wrong user token, so only the call that failed tells them apart:
 * `POST /auth` carries the partner token alone; `GET /companies?my=1` carries both, and after a
 * password sign-in the partner token has just been accepted by `POST /auth`.
 */
export function refusedToken(
  error: unknown,
  method: SignInMethod,
): 'partner' | 'user' | 'both' | null {
  if (!isApiError(error) || error.kind !== 'http' || error.status !== 401) return null
  if (/^POST .*\/auth$/.test(error.operation)) return 'partner'
  return method === 'password' ? 'user' : 'both'
}

/**
 * A refused sign-in in words: which token, where to get a new one (the product's own settings
 * page, the hints under the fields), and the server's message as sent, for support.
 */
export function describeRefusal(
  refused: 'partner' | 'user' | 'both',
  server: ErrorDescription,
  t: Messages,
  product: string,
): ErrorDescription {
  const s = t.signIn
  const partner = `${t.tokens.partner}: ${s.partnerHint(product)}`
  const user = `${t.tokens.user}: ${s.userHint(product)}`
  const said = s.serverSaid(server.message)
  const words = {
    both: { title: s.refusedBoth, message: s.refusedBothText, hints: [partner, user] },
    user: { title: s.refusedUser, message: s.refusedUserText, hints: [user] },
    partner: { title: s.refusedPartner, message: s.refusedPartnerText, hints: [partner] },
  }[refused]
  return {
    title: words.title,
    message: words.message,
    details: [...words.hints, said],
    retryable: false,
  }
}
