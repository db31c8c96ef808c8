/**
 * Debian's chromium and the flags every browser run here uses (Playwright, the Storybook tests,
 * the bench): headless, no sandbox (root in CI), and nothing that tries to reach the internet.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
