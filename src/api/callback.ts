import { mutationOptions, type QueryClient } from '@tanstack/react-query'
import { acceptHeader, api, payload, resolveBaseUrl } from './client'
import { queryKeys } from './keys'
import type { components } from './schema.gen'

export type KkmCallbackRequest = components['schemas']['KkmCallbackRequest']
export type CallbackCode = components['schemas']['CallbackCode']
export type CallbackStatus = KkmCallbackRequest['status']
export type CallbackResult = components['schemas']['CallbackEnvelope']

/** The documented result codes, in the reference's order. */
export const CALLBACK_CODES: readonly CallbackCode[] = [0, 1001, 1002, 1003, 1004, 1005, 2001, 2002]

export const CALLBACK_PATH = '/integration/kkm/callback'

/**
 * `POST /integration/kkm/callback`: reports the result of a fiscalization request, which moves
 * the receipt to its final status. It changes a fiscal record, so it is never retried.
 */
export async function reportKkmCallback(body: KkmCallbackRequest): Promise<CallbackResult> {
  const result = await api.POST('/integration/kkm/callback', { body })
  return payload(result)
}

export const callbackMutation = () =>
  mutationOptions({
    mutationKey: ['kkm-callback'],
    mutationFn: (body: KkmCallbackRequest) => reportKkmCallback(body),
    retry: false,
    // One callback at a time in this tab.
    scope: { id: 'kkm-callback' },
  })

/** A reported result changes a receipt's status: every cached transaction log may be stale. */
export function invalidateAfterCallback(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.allTransactions() })
}

/** The callback's full URL as this app calls it. */
export function callbackUrl(): string {
  return `${resolveBaseUrl()}${CALLBACK_PATH}`
}

/** Headers the client sends with the callback, apart from Authorization (added by its middleware). */
export function callbackHeaders() {
  return { Accept: acceptHeader(), 'Content-Type': 'application/json' } as const
}
