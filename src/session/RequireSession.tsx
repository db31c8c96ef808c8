import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { useSession } from './store'

export interface ReturnTo {
  from?: { pathname: string; search: string; hash: string }
}

/** Without a session, go to sign-in and remember where we were, so we come back to the same view. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (!session) {
    const state: ReturnTo = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    }
    return <Navigate to="/sign-in" replace state={state} />
  }
  return children
}
