import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'
import { APP, APP_YCLIENTS, MOCK_API } from './e2e/support/env'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium'

/**
 * The users' journeys in Debian's Chromium against the production build, served by the production
 * server (`npm run serve`) in front of the standalone mock API (`npm run mock-api`).
 * Run `npm run build` first: these tests never build, they test what would be deployed.
 */
const root = fileURLToPath(new URL('.', import.meta.url))
if (!existsSync(`${root}dist/index.html`)) {
  throw new Error(
    'No production build in dist/: run `npm run build` before `npx playwright test` (the e2e tests run against the built app).',
  )
}

export default defineConfig({
  testDir: './e2e',
  // The mock API holds one shared state (database and fault scenario): one test at a time.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL: APP,
    // DOM snapshots without the screencast: enough to debug a failure, cheap on two cores.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true },
    screenshot: 'only-on-failure',
    // The keyboard journey reads the clipboard after "copy a slug".
    permissions: ['clipboard-read', 'clipboard-write'],
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      name: 'mock-api',
      command: 'npm run mock-api',
      url: `${MOCK_API}/__mock/scenario`,
      env: { PORT: '4010', HOST: '127.0.0.1' },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      name: 'serve',
      command: 'npm run serve',
      url: `${APP}/healthz`,
      env: { PORT: '8080', HOST: '127.0.0.1', ALTEGIO_API_URL: `${MOCK_API}/api/v1` },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The same build as a YCLIENTS deployment: the server rewrites the flavour in index.html.
      name: 'serve-yclients',
      command: 'npm run serve',
      url: `${APP_YCLIENTS}/healthz`,
      env: {
        PORT: '8081',
        HOST: '127.0.0.1',
        ALTEGIO_API_URL: `${MOCK_API}/api/v1`,
        ALTEGIO_API_FLAVOUR: 'yclients',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
})
