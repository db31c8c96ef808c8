import { useCallback, useEffect, useRef, useState, type RefCallback } from 'react'

/**
 * How many locations read their day at once: one second of the rate limit. Every request still
 * queues in the client's limiter; this keeps that queue short, so a card on screen, or a
 * location's one follow-up (a second page, the shift's look-back), waits behind at most a second
 * of other requests instead of behind the whole salon's.
 */
export const READ_WINDOW = 5

/**
 * The locations that may read now, in the order they are served: those on screen first, then the
 * rest in screen order; a location that has settled (read or failed) keeps reading (its refreshes),
 * and of the others the first `window` do.
 */
export function readable(
  ids: readonly number[],
  onScreen: ReadonlySet<number>,
  settled: ReadonlySet<number>,
  window = READ_WINDOW,
): Set<number> {
  const order = [...ids.filter((id) => onScreen.has(id)), ...ids.filter((id) => !onScreen.has(id))]
  const waiting = order.filter((id) => !settled.has(id)).slice(0, window)
  return new Set([...ids.filter((id) => settled.has(id)), ...waiting])
}

const setWith = (set: ReadonlySet<number>, id: number, present: boolean) => {
  if (set.has(id) === present) return set
  const next = new Set(set)
  if (present) next.add(id)
  else next.delete(id)
  return next
}

/** A card's element to watch: `ref={track(id)}`, made once per card. */
export type TrackCard = (id: number) => RefCallback<HTMLElement>

/**
 * The overview's order of reading: cards fill progressively, those in view first. Each card
 * says when it has settled and gives its element, watched for being on screen where the browser
 * can tell (IntersectionObserver); where it cannot, the order on screen stands.
 */
export function useReadQueue(ids: readonly number[]) {
  const [settled, setSettled] = useState<ReadonlySet<number>>(() => new Set())
  const [onScreen, setOnScreen] = useState<ReadonlySet<number>>(() => new Set())
  const observer = useRef<IntersectionObserver | null>(null)
  const elements = useRef(new Map<Element, number>())

  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return
    const watched = elements.current
    const watch = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const id = watched.get(entry.target)
        if (id !== undefined) setOnScreen((set) => setWith(set, id, entry.isIntersecting))
      }
    })
    for (const element of watched.keys()) watch.observe(element)
    observer.current = watch
    return () => {
      watch.disconnect()
      observer.current = null
    }
  }, [])

  const track = useCallback<TrackCard>(
    (id) => (element) => {
      if (!element) return
      elements.current.set(element, id)
      observer.current?.observe(element)
      return () => {
        elements.current.delete(element)
        observer.current?.unobserve(element)
      }
    },
    [],
  )
  const settle = useCallback((id: number) => setSettled((set) => setWith(set, id, true)), [])

  return { mayRead: readable(ids, onScreen, settled), track, settle }
}
