import { setupServer } from 'msw/node'
import { handlers } from './handlers'

/** The embedded API inside Node: Vitest and the standalone mock server. */
export const server = setupServer(...handlers)
