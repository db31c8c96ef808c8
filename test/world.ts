/**
 * The one reset of both harnesses: Vitest (test/setup.ts, before every test) and Storybook
 * (.storybook/decorators.tsx, before every story). Everything the app or the mock keeps in module
 * state across renders is set back here, so a piece of state one harness forgets cannot make a
 * test pass in one and fail in the other.
 */
import { notifications } from '@mantine/notifications'
import { configureClient, rateLimiter } from '@/api/client'
import type { ApiFlavour } from '@/api/flavour'
import { forgetServerShape } from '@/api/logReader'
import { DEMO, type MockDatabase } from '@/mocks/db'
import { resetMockWorld, type MockWorldOptions } from '@/mocks/world'
import { configureLiveLog, type LiveLogSettings } from '@/pages/transactions/useLiveLog'
import { configurePrintFollow, type PrintFollowSettings } from '@/pages/transactions/usePrintFlow'
import { resetPreferences, type Preferences } from '@/preferences/store'
import { resetIdleLock } from '@/session/idle'
import { endSession, lockSession, startSession } from '@/session/store'

/** Who is signed in; `locked` is the manager after the idle timeout. */
export type WorldSession = 'manager' | 'cashier' | 'signed-out' | 'locked'

export interface WorldOptions extends MockWorldOptions {
  /** The API client's timeout and deployment; what the app configures itself otherwise. */
  client?: Partial<{ timeoutMs: number; flavour: ApiFlavour }>
  /** How a print is followed after the POST (poll interval, give-up time); defaults otherwise. */
  printFollow?: Partial<PrintFollowSettings>
  /** How often the log reads itself while visible; the app's interval otherwise. */
  liveLog?: Partial<LiveLogSettings>
  /** What this browser remembers; left as the storage holds it when not given. */
  preferences?: Partial<Preferences>
  /** Nobody by default. */
  session?: WorldSession
}

/** The demo manager, signed in with both tokens, as after a real sign-in. */
export function signInAsManager(): void {
  startSession({
    partnerToken: DEMO.partnerToken,
    userToken: DEMO.userToken,
    user: { id: 1, name: 'Helen Manager' },
  })
}

/** The demo cashier: location 1 only. */
export function signInAsCashier(): void {
  startSession({
    partnerToken: DEMO.partnerToken,
    userToken: DEMO.cashierToken,
    user: { id: 2, name: 'Jack Smith' },
  })
}

/** Starts the world afresh, then applies `options`; returns the mock's new database. */
export function resetWorld(options: WorldOptions = {}): MockDatabase {
  const db = resetMockWorld(options)
  // The app's module state: one case's 429 pause, learnt server shape or toasts are not the next's.
  rateLimiter.reset()
  forgetServerShape()
  notifications.clean()
  if (options.client) configureClient(options.client)
  configurePrintFollow(options.printFollow ?? null)
  configureLiveLog(options.liveLog ?? null)
  resetIdleLock()
  endSession('signed-out')
  if (options.preferences) resetPreferences(options.preferences)
  const session = options.session ?? 'signed-out'
  if (session === 'manager' || session === 'locked') signInAsManager()
  if (session === 'locked') lockSession()
  if (session === 'cashier') signInAsCashier()
  return db
}
