import type { Runtime } from './runtime.ts'
import type { ServerType } from '@hono/node-server'

/**
 * SIGTERM (systemd, a container runtime) or SIGINT (Ctrl-C): stop accepting, let what is in
 * flight finish (a print already sent must bring its answer back, to the browser or, if its tab
 * closed, to the log), and exit within `graceMs` whatever happens. Requests still waiting for the
 * rate budget get half the grace to be sent, so the ones that are sent still have time to be
 * answered; the rest get a 503 to retry. A second signal exits at once.
 */
export function stopOnSignals(server: ServerType, runtime: Runtime, graceMs: number): void {
  let stopping = false

  function stop(signal: NodeJS.Signals): void {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`)
      process.exit(1)
    }
    stopping = true
    runtime.draining = true
    runtime.budget.drain(Math.floor(graceMs / 2))
    server.close(() => {
      // The connections are closed; a print whose browser left may still be out upstream.
      void Promise.allSettled([...runtime.inFlight]).then(() =>
        // A turn later: the proxy's own log lines for those calls come first.
        setImmediate(() => {
          console.log('Stopped: every request answered')
          process.exit(0)
        }),
      )
    })
    console.log(`${signal}: not accepting connections; finishing requests within ${graceMs} ms`)
    setTimeout(() => {
      console.error(`Still busy after ${graceMs} ms: closing the remaining connections`)
      if ('closeAllConnections' in server) server.closeAllConnections()
      process.exit(1)
    }, graceMs).unref()
  }

  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
