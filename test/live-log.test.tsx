import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { queryKeys } from '@/api/keys'
import { configureLiveLog, useLiveInterval } from '@/pages/transactions/useLiveLog'
import type { ReactNode } from 'react'

afterEach(() => configureLiveLog(null))

function withClient(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
}

describe('the live log’s interval', () => {
  it('is the configured one, and off while a print of the location is in flight', async () => {
    configureLiveLog({ intervalMs: 30_000 })
    const client = new QueryClient()
    const { result } = renderHook(() => useLiveInterval(1), { wrapper: withClient(client) })
    expect(result.current).toBe(30_000)

    let finish: () => void = () => undefined
    const print = client.getMutationCache().build(client, {
      mutationKey: queryKeys.mutations.print(1),
      mutationFn: () => new Promise<void>((resolve) => (finish = resolve)),
    })
    let printed: Promise<unknown> = Promise.resolve()
    act(() => {
      printed = print.execute(undefined)
    })
    await waitFor(() => expect(result.current).toBe(false))

    await act(async () => {
      finish()
      await printed
    })
    await waitFor(() => expect(result.current).toBe(30_000))
  })

  it('keeps reading while another location prints', async () => {
    const client = new QueryClient()
    const { result } = renderHook(() => useLiveInterval(1), { wrapper: withClient(client) })
    const print = client.getMutationCache().build(client, {
      mutationKey: queryKeys.mutations.print(2),
      mutationFn: () => new Promise<void>(() => undefined),
    })
    act(() => void print.execute(undefined))
    await waitFor(() => expect(client.isMutating()).toBe(1))
    expect(result.current).toBe(45_000)
  })
})
