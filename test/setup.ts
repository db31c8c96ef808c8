import '@testing-library/jest-dom/vitest'
import { notifications } from '@mantine/notifications'
import { act, cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { server } from '@/mocks/node'
import { answeringMediaQueries } from './matchMedia'
import { resetWorld } from './world'

// Mantine needs these browser APIs that jsdom lacks; only the empty media query matches.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: answeringMediaQueries((query) => query === ''),
})
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub
window.HTMLElement.prototype.scrollIntoView = () => undefined
// jsdom has no scrolling and says so on every call; the log's window virtualiser scrolls the window.
window.scrollTo = () => undefined
// jsdom has no layout: give elements a screenful of size so the virtualised table renders rows.
Object.defineProperty(window.HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get: () => 640,
})
Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get: () => 1024,
})

// Whole pages of Mantine render slowly under jsdom, and two workers share two cores: a file's
// first page, which also loads its lazy modules, took 8.3–8.9 s in CI. Wait up to 20 s for them.
configure({ asyncUtilTimeout: 20_000 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
/**
 * Every test starts at 15:00 in Moscow on 28 November 2026, whenever it runs: "today" in the log
 * depends on the clock, and at night a location's today is rightly empty. Only Date is faked and it
 * keeps running, so timers, timeouts and polling stay real.
 */
const TEST_NOW = new Date('2026-11-28T12:00:00Z')

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: TEST_NOW, shouldAdvanceTime: true })
  // Short timeouts: a case that waits on a lost answer should fail in seconds, not in twenty.
  resetWorld({ client: { timeoutMs: 2_000, flavour: 'altegio' } })
})
afterEach(() => {
  // Mantine's notification store is module state: empty it while the page is still mounted.
  act(() => notifications.clean())
  cleanup()
  server.resetHandlers()
  server.events.removeAllListeners()
  sessionStorage.clear()
  localStorage.clear()
  vi.useRealTimers()
})
afterAll(() => server.close())
