/**
 * Could a POST that failed have taken effect (a receipt printed, a callback recorded)? Only an
 * answer that says no means it did not: a 4xx, or `success: false` under 200. A timeout, a
 * dropped connection, a 5xx or an unreadable answer may hide a request the server carried out.
 */
export function mayHaveTakenEffect(failure: { kind: string; status: number }): boolean {
  const refused =
    failure.kind === 'http' &&
    ((failure.status >= 400 && failure.status < 500) || failure.status === 200)
  return !refused
}
