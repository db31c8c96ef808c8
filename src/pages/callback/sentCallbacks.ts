import { onSessionEnd } from '@/session/store'

/**
 * Request ids whose result this tab sent (or may have sent) during the session, with the time:
 * a second callback for the same request is asked about first. Forgotten when the session ends.
 */
const sent = new Map<string, number>()

onSessionEnd(() => sent.clear())

const keyOf = (requestId: string) => requestId.trim().toLowerCase()

export function sentAt(requestId: string): number | undefined {
  return sent.get(keyOf(requestId))
}

export function rememberSent(requestId: string, at: number): void {
  sent.set(keyOf(requestId), at)
}
