/**
 * Helpers for stories: render the real app at a URL on the embedded mock API, and the variants
 * every page story gets (dark scheme, narrow tablet). Stories under src/pages may not import
 * src/mocks (design.md's boundaries), so everything a story says about the mock API goes through
 * the `app` parameter declared here and applied by the loader in preview.tsx. Stories under
 * src/components may import neither src/mocks nor src/pages: `storyData` below gives them the
 * mock database's seed, mapped as the pages map it.
 */
import { MemoryRouter } from 'react-router'
import { fn, type Mock } from 'storybook/test'
import { MINIMAL_VIEWPORTS } from 'storybook/viewport'
import type { KkmTransaction } from '@/api/transactions'
import type { ShiftView } from '@/components/ShiftStatus'
import type { TransactionDetailsView } from '@/components/TransactionDetails'
import type { SortState, TransactionRowView } from '@/components/transactionRows'
import type { Messages } from '@/i18n'
import { en } from '@/i18n/messages/en'
import { deriveShift } from '@/log/shift'
import {
  locationFormat,
  sortTransactions,
  toDetails,
  toRow,
  type LocationFormat,
  type ViewLanguage,
} from '@/log/view'
import { createDatabase, type MockDatabase } from '@/mocks/db'
import { addRecentSale, RECENT_SALE } from '@/mocks/fixtures'
import type { Scenario } from '@/mocks/scenarios'
import { shortcutGroups } from '@/pages/shortcuts'
import type { PrintFollowSettings } from '@/pages/transactions/usePrintFlow'
import type { Preferences } from '@/preferences/store'
import { AppRoutes } from '@/router'
import { resetWorld, type WorldSession } from '../test/world'
import type { StoryObj } from '@storybook/react-vite'

/** Who is signed in when the story starts; `locked` is the manager after the idle timeout. */
export type StorySession = WorldSession

/** The app's state before a story renders: read by `prepareApp`, set per story or per file. */
export interface AppParameters {
  /** Default: the demo manager, signed in with both tokens as after a real sign-in. */
  session?: StorySession
  /** Faults, latency and printer behaviour of the embedded API for this story. */
  scenario?: Partial<Scenario>
  /** The location this browser remembers (the shell’s location picker, the home redirect). */
  selectedLocationId?: number | null
  /** What this browser remembers (cashier mode, page size...); the defaults otherwise. */
  preferences?: Partial<Preferences>
  /** Changes to the fresh mock database before the app renders, e.g. `withStorySale('failed')`. */
  database?: (db: MockDatabase) => void
  /** How a print is followed after the POST (poll interval, give-up time); defaults otherwise. */
  printFollow?: Partial<PrintFollowSettings>
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    app?: AppParameters
  }
}

/**
 * Every story starts from the same world as every Vitest case (test/world.ts): a fresh mock
 * database, the default scenario, nobody signed in; then the story's `app` parameter applies. The
 * MSW handlers run in this page, so the module state set here is the state they answer from.
 */
export function prepareApp(app: AppParameters = {}): void {
  resetWorld({
    database: app.database,
    scenario: app.scenario,
    printFollow: app.printFollow,
    // localStorage outlives a story: every story starts from the defaults and its own preferences.
    preferences: { lastLocationId: app.selectedLocationId ?? null, ...app.preferences },
    session: app.session ?? 'manager',
  })
}

/** The real routes, in memory, starting at `url`. */
export function AppAt({ url }: { url: string }) {
  return (
    <MemoryRouter initialEntries={[url]}>
      <AppRoutes />
    </MemoryRouter>
  )
}

export interface AppStoryOptions extends AppParameters {
  /** Where the app starts, as typed in the address bar. */
  url: string
}

/** A story that is the whole app at a URL, in the state `options` describe. */
export function appStory({ url, ...app }: AppStoryOptions): StoryObj {
  return {
    parameters: { layout: 'fullscreen', app },
    render: () => <AppAt key={url} url={url} />,
  }
}

/** Below Mantine's `sm` breakpoint (48em): the navbar collapses behind the burger. */
export const NARROW_TABLET = 'narrowTablet'

/** Storybook's minimal set plus the narrow tablet; the vitest addon sizes the browser from these. */
export const VIEWPORTS = {
  ...MINIMAL_VIEWPORTS,
  [NARROW_TABLET]: {
    name: 'Narrow tablet (600 × 960)',
    styles: { width: '600px', height: '960px' },
    type: 'tablet',
  },
} as const

export type ColorScheme = 'light' | 'dark'

/** The same story in the dark colour scheme. */
export function inDarkScheme<S extends Pick<StoryObj, 'globals'>>(story: S): S {
  return { ...story, globals: { ...story.globals, colorScheme: 'dark' satisfies ColorScheme } }
}

/** The same story on a narrow tablet. */
export function onNarrowTablet<S extends Pick<StoryObj, 'globals'>>(story: S): S {
  return {
    ...story,
    globals: { ...story.globals, viewport: { value: NARROW_TABLET, isRotated: false } },
  }
}

/**
 * Replaces `navigator.clipboard` with a stub whose `writeText` resolves: headless Chromium and
 * Storybook's iframe may refuse clipboard writes (permissions, focus), which would keep Mantine's
 * CopyButton from ever saying "Copied". Use as a story's `beforeEach`; it returns the cleanup.
 * Assert on `navigator.clipboard.writeText` in the play function.
 */
export function mockClipboard(): () => void {
  const writeText: Mock<(text: string) => Promise<void>> = fn(async () => undefined)
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
  return () => {
    Reflect.deleteProperty(navigator, 'clipboard')
  }
}

/** The document of the print stories: a visit at location 1 (Moscow) sold minutes ago. */
export const STORY_DOCUMENT_ID = RECENT_SALE.documentId
/** The transaction of that sale in location 1's log. */
export const STORY_TRANSACTION_ID = RECENT_SALE.transactionId

/**
 * A `database` tweak: puts the mock's recent sale (src/mocks/fixtures.ts, the same the Vitest
 * cases print) on top of location 1's log, five minutes ago. `failed` did not print (runtime
 * error), so printing it again is legitimate; `printed` succeeded, so a second receipt needs the
 * duplicate acknowledgement.
 */
export function withStorySale(outcome: 'failed' | 'printed'): (db: MockDatabase) => void {
  return (db) => {
    addRecentSale(db, { minutesAgo: 5, status: outcome === 'failed' ? 3 : 1 })
  }
}

/**
 * Data for the presentational components' stories: the mock database's seed (one copy, made when
 * the stories load), shown through the page's own mapping (src/log/view.ts), so a
 * component story shows exactly what the page would pass it.
 */
const storyDatabase = createDatabase()

function storyLocationFormat(locationId: number, language?: ViewLanguage): LocationFormat {
  return locationFormat(
    storyDatabase.companies.find((company) => company.id === locationId),
    language,
  )
}

export const storyData = {
  /** The shortcuts the shell's Keyboard shortcuts dialog lists (pages/shortcuts.ts). */
  shortcutGroups: shortcutGroups(en),
  /** The same in another language's catalogue, as the shell builds them. */
  shortcutGroupsIn: (t: Messages) => shortcutGroups(t),
  /** A location's log as the API lists it, newest first. */
  log(locationId: number): KkmTransaction[] {
    return storyDatabase.transactions.get(locationId) ?? []
  },
  /** The first transaction of a location's log that matches, or an error naming what is missing. */
  find(locationId: number, matches: (transaction: KkmTransaction) => boolean): KkmTransaction {
    const found = storyData.log(locationId).find(matches)
    if (!found) throw new Error(`No such transaction in the seed of location ${locationId}`)
    return found
  },
  /** Rows as the log page passes them to TransactionTable. */
  rows(
    locationId: number,
    { count, sort }: { count?: number; sort?: SortState } = {},
  ): TransactionRowView[] {
    const log = storyData.log(locationId).slice(0, count)
    return (sort ? sortTransactions(log, sort, storyLocationFormat(locationId).timeZone) : log).map(
      (transaction) => storyData.row(transaction, locationId),
    )
  },
  /** A row as the log page passes it, in English unless a language is given. */
  row(
    transaction: KkmTransaction,
    locationId: number,
    language?: ViewLanguage,
  ): TransactionRowView {
    return toRow(transaction, storyLocationFormat(locationId, language))
  },
  /** What the page passes to TransactionDetails for one transaction, in English unless given. */
  details(
    transaction: KkmTransaction,
    locationId: number,
    language?: ViewLanguage,
  ): TransactionDetailsView {
    return toDetails(transaction, storyLocationFormat(locationId, language))
  },
  /**
   * The shift as the page derives it from the log's openings and closings: `open` a couple of
   * hours after the latest opening, `overdue` 27 hours after it, `closed` an hour after the latest
   * closing (a location with no log has never opened one).
   */
  shift(locationId: number, moment: 'open' | 'overdue' | 'closed'): ShiftView {
    const log = storyData.log(locationId)
    const { timeZone } = storyLocationFormat(locationId)
    const at = (transaction: KkmTransaction) => Date.parse(transaction.print_date)
    const latest = (type: number, before = Infinity) =>
      log.find((t) => t.type.id === type && t.status.id === 1 && at(t) < before) ?? null
    if (moment === 'closed') {
      const closing = latest(5)
      const opening = closing ? latest(4, at(closing)) : null
      return deriveShift({ opening, closing }, timeZone, closing ? at(closing) + 3_600_000 : 0)
    }
    const opening = latest(4)
    const hours = moment === 'open' ? 2.25 : 27.5
    return deriveShift(
      { opening, closing: null },
      timeZone,
      opening ? at(opening) + hours * 3_600_000 : 0,
    )
  },
}
