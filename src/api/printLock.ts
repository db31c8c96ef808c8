/**
 * One print at a time per document, across this browser's tabs. Web Locks are shared by every
 * tab of the origin; where they are missing (old browsers, jsdom) a per-tab set stands in.
 */
const heldInThisTab = new Set<string>()

export class PrintLockedError extends Error {
  override readonly name = 'PrintLockedError'
  constructor(
    /** Where the other print runs: this tab, or another tab or window of the browser. */
    readonly where: 'this-tab' | 'other-tab',
  ) {
    super(`print lock held (${where})`)
  }
}

export async function withPrintLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const name = `kkm-print:${key}`
  if (heldInThisTab.has(name)) throw new PrintLockedError('this-tab')
  heldInThisTab.add(name)
  try {
    const locks = globalThis.navigator?.locks
    if (!locks) return await task()
    return await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) throw new PrintLockedError('other-tab')
      return task()
    })
  } finally {
    heldInThisTab.delete(name)
  }
}
