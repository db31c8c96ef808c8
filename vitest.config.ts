import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig, mergeConfig } from 'vitest/config'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium'
import viteConfig from './vite.config.ts'

export default defineConfig((env) =>
  mergeConfig(viteConfig(env), {
    define: { __MOCK_API__: 'false' },
    test: {
      // Vitest's default on two cores is one worker; many tests wait on the mock's latency, print
      // settling and the rate limit, so a second worker overlaps them (8 → 5½ min here).
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['test/**/*.test.{ts,tsx}'],
            setupFiles: ['test/setup.ts'],
            restoreMocks: true,
            testTimeout: 30_000,
          },
        },
        {
          // Every story is a test in Debian's Chromium: it renders, its play function passes and
          // axe finds no violation (`a11y.test: 'error'` in .storybook/preview.tsx).
          extends: true,
          plugins: [storybookTest({ configDir: '.storybook' })],
          define: { __MOCK_API__: 'true' },
          test: {
            name: 'storybook',
            testTimeout: 30_000,
            // One page for all story files (about half the time): every story resets the mock
            // API, the session and its own providers and router (.storybook/decorators.tsx).
            isolate: false,
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({
                launchOptions: {
                  executablePath: CHROMIUM_PATH,
                  args: CHROMIUM_ARGS,
                },
              }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  }),
)
