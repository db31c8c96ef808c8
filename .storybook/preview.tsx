import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { useMantineColorScheme } from '@mantine/core'
import { setupWorker } from 'msw/browser'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { useEffectEvent, useLayoutEffect, useState, type ReactNode } from 'react'
import { configure } from 'storybook/test'
import { handlers } from '@/mocks/handlers'
import { Providers } from '@/providers'
import { createQueryClient } from '@/queryClient'
import { prepareApp, VIEWPORTS, type ColorScheme } from './decorators'
import type { Decorator, Preview } from '@storybook/react-vite'

// Lazy routes and the first API calls of a cold browser can take more than a second.
configure({ asyncUtilTimeout: 5_000 })

/** The app's client with its retry rules, minus the waits between retries. */
function createStoryQueryClient() {
  const client = createQueryClient()
  const defaults = client.getDefaultOptions()
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retryDelay: 0 } })
  return client
}

/** The app's own providers, with a query client of its own for every story. */
function StoryProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createStoryQueryClient)
  return <Providers queryClient={queryClient}>{children}</Providers>
}

/** Providers has no colour-scheme prop: follow the toolbar from inside, as the app's toggle does. */
function ColorSchemeFromToolbar({
  scheme,
  children,
}: {
  scheme: ColorScheme
  children: ReactNode
}) {
  const { setColorScheme } = useMantineColorScheme()
  // Only a toolbar change re-applies it; the app's own toggle still works inside a story.
  const apply = useEffectEvent((next: ColorScheme) => setColorScheme(next))
  useLayoutEffect(() => apply(scheme), [scheme])
  return children
}

const withColorScheme: Decorator = (Story, { globals }) => (
  <ColorSchemeFromToolbar scheme={globals.colorScheme === 'dark' ? 'dark' : 'light'}>
    <Story />
  </ColorSchemeFromToolbar>
)

const withProviders: Decorator = (Story, { id }) => (
  <StoryProviders key={id}>
    <Story />
  </StoryProviders>
)

const preview: Preview = {
  // Later decorators wrap earlier ones: the colour scheme needs the providers around it.
  decorators: [withColorScheme, withProviders],
  loaders: [
    // The embedded API: the same handlers as the dev server and Vitest, reset for every story.
    // A story that needs one answer changed adds it in `beforeEach({ msw }) { msw.use(...) }`
    // (that runs after the loaders, and msw.use wins over these); setting `parameters.msw` in a
    // story would replace the whole API.
    mswLoader(async () => {
      const worker = setupWorker()
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
      return worker
    }),
    ({ parameters }) => {
      prepareApp(parameters.app)
      return {}
    },
  ],
  globalTypes: {
    colorScheme: {
      description: 'Mantine colour scheme',
      toolbar: {
        title: 'Colour scheme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { colorScheme: 'light' satisfies ColorScheme },
  parameters: {
    msw: { handlers },
    // An axe violation fails the story's test, not just a warning in the panel.
    a11y: { test: 'error' },
    viewport: { options: VIEWPORTS },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
}

export default preview
