import { Navigate, useLocation } from 'react-router'
import { useLockedSession, useSession } from './store'
import type { ReactNode } from 'react'

export interface ReturnTo {
  from?: { pathname: string; search: string; hash: string }
}

/**
 * Without a session, go to sign-in and remember where we were, so we come back to the same view.
 * A locked session stays on the page and shows `whenLocked` until the user token is given again.
 */
export function RequireSession({
  children,
  whenLocked,
}: {
  children: ReactNode
  whenLocked: ReactNode
}) {
  const session = useSession()
  const locked = useLockedSession()
  const location = useLocation()
  if (!session && locked) return whenLocked
  if (!session) {
    const state: ReturnTo = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    }
    return <Navigate to="/sign-in" replace state={state} />
  }
  return children
}
