/**
 * Runs `task` in the browser's next idle time, within two seconds at the latest (at once where
 * there is no idle callback). Returns what cancels it.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const handle = window.setTimeout(task, 0)
    return () => window.clearTimeout(handle)
  }
  const handle = requestIdleCallback(task, { timeout: 2_000 })
  return () => cancelIdleCallback(handle)
}
