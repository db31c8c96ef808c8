import '@testing-library/jest-dom/vitest'
import { notifications } from '@mantine/notifications'
import { act, cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { configureClient, rateLimiter } from '@/api/client'
import { resetDatabase } from '@/mocks/db'
import { server } from '@/mocks/node'
import { resetScenario } from '@/mocks/scenarios'
import { endSession } from '@/session/store'

// Mantine needs these browser APIs that jsdom lacks. mantine-datatable asks useMediaQuery('').
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: query === '',
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
})
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub
window.HTMLElement.prototype.scrollIntoView = () => undefined
// jsdom has no layout: give elements a screenful of size so the virtualised table renders rows.
Object.defineProperty(window.HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get: () => 640,
})
Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get: () => 1024,
})

// Whole pages of Mantine render slowly under jsdom on two cores: wait up to 8 s for them.
configure({ asyncUtilTimeout: 8000 })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  resetDatabase()
  resetScenario()
  configureClient({ timeoutMs: 2_000 })
  rateLimiter.reset()
})
afterEach(() => {
  // Mantine's notification store is module state: empty it so no test sees another's.
  act(() => notifications.clean())
  cleanup()
  server.resetHandlers()
  endSession('signed-out')
  sessionStorage.clear()
  localStorage.clear()
})
afterAll(() => server.close())
