import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { mergeConfig } from 'vite'
import type { StorybookConfig } from '@storybook/react-vite'

/** Dependencies only the Node mock server (server/) imports: they have no browser build. */
const NODE_ONLY = new Set(['hono', '@hono/node-server'])

/**
 * Pre-bundle every browser dependency up front. Otherwise Vite discovers one behind a lazy route
 * in the middle of a `vitest --project storybook` run, re-optimizes and reloads the page, and the
 * stories running at that moment fail with "Failed to fetch dynamically imported module".
 */
function browserDependencies(): string[] {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { dependencies?: Record<string, string> }
  return Object.keys(manifest.dependencies ?? {}).filter((name) => !NODE_ONLY.has(name))
}

/**
 * Storybook renders the real app on the embedded mock API (MSW). The Vite builder already loads
 * ../vite.config.ts; viteFinal pins what stories need whatever mode that file computes: the `@`
 * alias, and the mock API switched on (a `storybook build` is a production-mode Vite build, in which
 * vite.config.ts would switch it off).
 */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // MSW's worker script, kept out of public/ so that the app's production build never ships it.
  staticDirs: ['../mock-public'],
  // This network reaches the npm registry only: no telemetry, no "what's new" fetches.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
      define: { __MOCK_API__: 'true' },
      optimizeDeps: { include: [...browserDependencies(), 'msw', 'msw/browser'] },
    }),
}

export default config
