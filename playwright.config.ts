import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test'
import { APP, E2E_WORKERS, serversOf } from './e2e/support/env'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium'

/**
 * The users' journeys in Debian's Chromium against the production build, served by the production
 * server (`npm run serve`) in front of the standalone mock API (`npm run mock-api`).
 * Run `npm run build` first: these tests never build, they test what would be deployed.
 */
type WebServer = Extract<PlaywrightTestConfig['webServer'], unknown[]>[number]

const root = fileURLToPath(new URL('.', import.meta.url))
if (!existsSync(`${root}dist/index.html`)) {
  throw new Error(
    'No production build in dist/: run `npm run build` before `npx playwright test` (the e2e tests run against the built app).',
  )
}

export default defineConfig({
  testDir: './e2e',
  // A spec's journeys run in order in one worker; each worker has its own mock API and servers
  // (e2e/support/env.ts), so two run side by side on the two cores CI has.
  fullyParallel: false,
  workers: E2E_WORKERS,
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
  webServer: Array.from({ length: E2E_WORKERS }, (_, slot): WebServer[] => {
    const { mockApi, app, appYclients } = serversOf(slot)
    const api = `${mockApi}/api/v1`
    return [
      {
        name: `mock-api-${slot}`,
        command: 'npm run mock-api',
        url: `${mockApi}/__mock/scenario`,
        env: { PORT: new URL(mockApi).port, HOST: '127.0.0.1' },
        reuseExistingServer: !process.env.CI,
        timeout: 30_000,
      },
      {
        name: `serve-${slot}`,
        command: 'npm run serve',
        url: `${app}/healthz`,
        env: { PORT: new URL(app).port, HOST: '127.0.0.1', ALTEGIO_API_URL: api },
        reuseExistingServer: !process.env.CI,
        timeout: 30_000,
      },
      {
        // The same build as a YCLIENTS deployment: the server rewrites the flavour in index.html.
        name: `serve-yclients-${slot}`,
        command: 'npm run serve',
        url: `${appYclients}/healthz`,
        env: {
          PORT: new URL(appYclients).port,
          HOST: '127.0.0.1',
          ALTEGIO_API_URL: api,
          ALTEGIO_API_FLAVOUR: 'yclients',
        },
        reuseExistingServer: !process.env.CI,
        timeout: 30_000,
      },
    ]
  }).flat(),
})
