/**
 * A pass-through between the production server and the mock API that notes when each request
 * arrives: what Altegio would count against the server's address.
 */
import { createServer, request, type Server } from 'node:http'

export interface Relay {
  url: string
  /** Arrival times (ms, performance.now()) of every request that reached the upstream side. */
  arrivals: number[]
  close: () => Promise<void>
}

export async function startRelay(target: URL): Promise<Relay> {
  const arrivals: number[] = []
  const server: Server = createServer((incoming, outgoing) => {
    arrivals.push(performance.now())
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    forward.on('error', () => {
      outgoing.writeHead(502)
      outgoing.end()
    })
    incoming.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('relay is not listening')
  return {
    url: `http://127.0.0.1:${address.port}`,
    arrivals,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
