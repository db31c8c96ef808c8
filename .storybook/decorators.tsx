/**
 * Helpers for stories: render the real app at a URL on the embedded mock API, and the variants
 * every page story gets (dark scheme, narrow tablet). Stories under src/pages may not import
 * src/mocks (design.md's boundaries), so everything a story says about the mock API goes through
 * the `app` parameter declared here and applied by the loader in preview.tsx.
 */
import type { StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { fn, type Mock } from 'storybook/test'
import { MINIMAL_VIEWPORTS } from 'storybook/viewport'
import { DEMO, resetDatabase } from '@/mocks/db'
import { resetScenario, setScenario, type Scenario } from '@/mocks/scenarios'
import { routes } from '@/router'
import { setSelectedLocation } from '@/session/selectedLocation'
import { endSession, startSession } from '@/session/store'

/** Who is signed in when the story starts. */
export type StorySession = 'manager' | 'cashier' | 'signed-out'

/** The app's state before a story renders: read by `prepareApp`, set per story or per file. */
export interface AppParameters {
  /** Default: the demo manager, signed in with both tokens as after a real sign-in. */
  session?: StorySession
  /** Faults, latency and printer behaviour of the embedded API for this story. */
  scenario?: Partial<Scenario>
  /** The location remembered for this browser session (the shell's location picker). */
  selectedLocationId?: number | null
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    app?: AppParameters
  }
}

/**
 * Every story starts from the same world: a fresh mock database, the default scenario, nobody
 * signed in; then the story's `app` parameter applies. The MSW handlers run in this page, so the
 * module state set here is the state they answer from.
 */
export function prepareApp(app: AppParameters = {}): void {
  resetDatabase()
  resetScenario()
  endSession('signed-out')
  setSelectedLocation(app.selectedLocationId ?? null)
  if (app.scenario) setScenario(app.scenario)
  const session = app.session ?? 'manager'
  if (session === 'manager') {
    startSession({
      partnerToken: DEMO.partnerToken,
      userToken: DEMO.userToken,
      user: { id: 1, name: 'Helen Manager' },
    })
  } else if (session === 'cashier') {
    startSession({
      partnerToken: DEMO.partnerToken,
      userToken: DEMO.cashierToken,
      user: { id: 2, name: 'Jack Smith' },
    })
  }
}

/** The real router and routes, in memory, starting at `url`. */
export function AppAt({ url }: { url: string }) {
  const [router] = useState(() => createMemoryRouter(routes, { initialEntries: [url] }))
  return <RouterProvider router={router} />
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
export function inDarkScheme<S extends StoryObj>(story: S): S {
  return { ...story, globals: { ...story.globals, colorScheme: 'dark' satisfies ColorScheme } }
}

/** The same story on a narrow tablet. */
export function onNarrowTablet<S extends StoryObj>(story: S): S {
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
