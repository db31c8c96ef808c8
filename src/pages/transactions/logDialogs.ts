import { useEffect, useState } from 'react'
import type { TransactionDetails as TransactionDetailsDrawer } from '@/components/TransactionDetails'
import { whenIdle } from '@/components/whenIdle'
import type { PrintFlow as PrintFlowHost } from './PrintFlow'

/*
 * The details drawer and the print flow with its dialog stay out of the log's first load
 * (together ~10 kB gzip the 250 kB budget needed). They are fetched once the log is on screen and the browser is idle,
 * and rendered as plain components once here: React.lazy would suspend on the first click, and
 * React holds a suspended reveal back (up to 300 ms), so the first Details took ~950 ms instead
 * of ~300 in the bench.
 */
export interface LogDialogs {
  TransactionDetails: typeof TransactionDetailsDrawer
  PrintFlow: typeof PrintFlowHost
}
let loadedDialogs: LogDialogs | null = null
const loadDialogs = async (): Promise<LogDialogs> => {
  const [details, print] = await Promise.all([
    import('@/components/TransactionDetails'),
    import('./PrintFlow'),
  ])
  return (loadedDialogs = {
    TransactionDetails: details.TransactionDetails,
    PrintFlow: print.PrintFlow,
  })
}

/** The dialogs: loaded at once when `needed`, in idle time when `soon`; null until they are in. */
export function useLogDialogs({
  needed,
  soon,
}: {
  needed: boolean
  soon: boolean
}): LogDialogs | null {
  const [dialogs, setDialogs] = useState(loadedDialogs)
  const [failure, setFailure] = useState<unknown>(null)
  // A chunk that cannot be fetched (offline) is the route's error, with its Reload button.
  if (failure && needed) throw failure
  useEffect(() => {
    if (dialogs || failure || !(needed || soon)) return
    let current = true
    const load = () =>
      void loadDialogs().then(
        (loaded) => current && setDialogs(loaded),
        (error: unknown) => current && setFailure(error),
      )
    if (needed) {
      load()
      return () => void (current = false)
    }
    const stop = whenIdle(load)
    return () => {
      current = false
      stop()
    }
  }, [dialogs, failure, needed, soon])
  return dialogs
}
