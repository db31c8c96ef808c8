// Precompressed assets (server/precompress.ts writes them, serveStatic picks one per
// Accept-Encoding) and the API flavour written into index.html. (jsdom: test/setup.ts needs it.)
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { firstScreenMarkup, firstScreenScript } from '../scripts/first-screen'
import { createApp } from '../server/app'
import { parseConfig, type Config } from '../server/config'
import { precompressDir } from '../server/precompress'
import { withFlavour } from '../server/static'
import { INDEX_HTML, tempBuild } from './server-support'

const APP_JS = `export const app = ${JSON.stringify('console '.repeat(2000))}\n`
/** Added after the build step ran: no variants on disk, so only on-the-fly compression has it. */
const LATE_JS = `export const late = ${JSON.stringify('late '.repeat(400))}\n`
const TINY_JS = 'export const tiny = 1\n'
const BROWSER = 'gzip, deflate, br, zstd'
const NO_PRELOADS = { catalogues: { en: [], ru: [] }, routes: [] }

let staticDir: string

beforeAll(async () => {
  staticDir = tempBuild({
    'assets/app-abc123.js': APP_JS,
    'assets/tiny-abc123.js': TINY_JS,
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`,
  })
  await precompressDir(staticDir)
  writeFileSync(join(staticDir, 'assets', 'late-abc123.js'), LATE_JS)
})

afterAll(() => rmSync(staticDir, { recursive: true, force: true }))

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined)
})

function config(env: Record<string, string> = {}): Config {
  return parseConfig({ STATIC_DIR: staticDir, ...env })
}

const asset = (encoding?: string, method = 'GET') =>
  createApp(config()).request('/assets/app-abc123.js', {
    method,
    headers: encoding === undefined ? {} : { 'Accept-Encoding': encoding },
  })

const onDisk = (path: string) => statSync(join(staticDir, path)).size

describe('the build step', () => {
  it('writes .br and .gz beside a compressible file, and they decode to it', () => {
    const br = readFileSync(join(staticDir, 'assets/app-abc123.js.br'))
    const gz = readFileSync(join(staticDir, 'assets/app-abc123.js.gz'))
    expect(brotliDecompressSync(br).toString()).toBe(APP_JS)
    expect(gunzipSync(gz).toString()).toBe(APP_JS)
    expect(existsSync(join(staticDir, 'favicon.svg.br'))).toBe(true)
  })

  it('leaves index.html (the server may rewrite it) and files under 1 KiB alone', () => {
    for (const name of ['index.html', 'assets/tiny-abc123.js']) {
      expect(existsSync(join(staticDir, `${name}.br`))).toBe(false)
      expect(existsSync(join(staticDir, `${name}.gz`))).toBe(false)
    }
  })
})

describe('precompressed assets', () => {
  it('sends the .br file to a browser that takes Brotli', async () => {
    const response = await asset(BROWSER)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Encoding')).toBe('br')
    expect(response.headers.get('Vary')).toMatch(/Accept-Encoding/)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(response.headers.get('Content-Length')).toBe(String(onDisk('assets/app-abc123.js.br')))
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(APP_JS)
  })

  it('sends the .gz file to a client that takes gzip only', async () => {
    const response = await asset('gzip')
    expect(response.headers.get('Content-Encoding')).toBe('gzip')
    expect(response.headers.get('Vary')).toMatch(/Accept-Encoding/)
    expect(response.headers.get('Content-Length')).toBe(String(onDisk('assets/app-abc123.js.gz')))
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(APP_JS)
  })

  it.each([
    ['no Accept-Encoding', undefined],
    ['identity', 'identity'],
  ])('sends the file as it is for %s, still with Vary', async (_what, encoding) => {
    const response = await asset(encoding)
    expect(response.headers.has('Content-Encoding')).toBe(false)
    expect(response.headers.get('Vary')).toMatch(/Accept-Encoding/)
    expect(response.headers.get('Content-Length')).toBe(String(APP_JS.length))
    expect(await response.text()).toBe(APP_JS)
  })

  it('skips an encoding the client refuses with q=0', async () => {
    const response = await asset('br;q=0, gzip;q=0.8')
    expect(response.headers.get('Content-Encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(APP_JS)
  })

  it('answers HEAD with the length of what GET would send', async () => {
    const response = await asset(BROWSER, 'HEAD')
    expect(response.headers.get('Content-Encoding')).toBe('br')
    expect(response.headers.get('Content-Length')).toBe(String(onDisk('assets/app-abc123.js.br')))
    expect(await response.text()).toBe('')
  })

  it('compresses on the fly only a file that has no precompressed variant', async () => {
    const response = await createApp(config()).request('/assets/late-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(response.headers.get('Content-Encoding')).toBe('gzip')
    expect(response.headers.has('Content-Length')).toBe(false)
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(LATE_JS)
  })

  it('never serves a stale index.html.br or .gz for the page or a client route', async () => {
    writeFileSync(join(staticDir, 'index.html.br'), 'stale')
    writeFileSync(join(staticDir, 'index.html.gz'), 'stale')
    try {
      for (const [env, flavour] of [
        [{}, 'altegio'],
        [{ ALTEGIO_API_FLAVOUR: 'yclients' }, 'yclients'],
      ] as const) {
        const app = createApp(config(env))
        for (const path of ['/', '/index.html', '/locations/1/transactions']) {
          for (const [accept, decode] of [
            ['br', brotliDecompressSync],
            ['gzip', gunzipSync],
          ] as const) {
            const response = await app.request(path, { headers: { 'Accept-Encoding': accept } })
            expect(response.headers.get('Content-Encoding')).toBe(accept)
            expect(response.headers.get('Vary')).toMatch(/Accept-Encoding/)
            const page = decode(Buffer.from(await response.arrayBuffer())).toString()
            expect(page).toContain(`<meta name="kkm-api-flavour" content="${flavour}"`)
          }
        }
      }
    } finally {
      rmSync(join(staticDir, 'index.html.br'))
      rmSync(join(staticDir, 'index.html.gz'))
    }
  })
})

describe('ALTEGIO_API_FLAVOUR', () => {
  it('is altegio, yclients or unset (the build decides)', () => {
    expect(config().apiFlavour).toBeNull()
    expect(config({ ALTEGIO_API_FLAVOUR: 'altegio' }).apiFlavour).toBe('altegio')
    expect(config({ ALTEGIO_API_FLAVOUR: 'yclients' }).apiFlavour).toBe('yclients')
  })

  it.each(['YCLIENTS', 'alteg.io', ''])('rejects %j in one line', (value) => {
    expect(() => config({ ALTEGIO_API_FLAVOUR: value })).toThrow(
      `ALTEGIO_API_FLAVOUR must be altegio or yclients (or unset to keep the build's), got "${value}"`,
    )
  })

  it('serves / and every client route with the flavour written in', async () => {
    const app = createApp(config({ ALTEGIO_API_FLAVOUR: 'yclients' }))
    for (const path of ['/', '/index.html', '/tax-systems/1']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(response.headers.get('Cache-Control')).toBe('no-cache')
      expect(await response.text()).toBe(
        INDEX_HTML.replace('content="altegio"', 'content="yclients"'),
      )
    }
  })

  it('when unset, serves a new build of index.html at once, without a restart', async () => {
    const app = createApp(config())
    expect(await (await app.request('/')).text()).toBe(INDEX_HTML)
    const path = join(staticDir, 'index.html')
    const deployed = INDEX_HTML.replace('app-abc123.js', 'app-def456.js')
    writeFileSync(path, deployed)
    try {
      expect(await (await app.request('/tax-systems/1')).text()).toBe(deployed)
    } finally {
      writeFileSync(path, INDEX_HTML)
    }
  })

  it('keeps what the build says when unset', async () => {
    expect(await (await createApp(config()).request('/tax-systems/1')).text()).toBe(INDEX_HTML)
  })

  it('reads index.html once, at start-up', async () => {
    const app = createApp(config({ ALTEGIO_API_FLAVOUR: 'yclients' }))
    const path = join(staticDir, 'index.html')
    writeFileSync(path, '<html>changed after start</html>')
    try {
      expect(await (await app.request('/')).text()).toContain('content="yclients"')
    } finally {
      writeFileSync(path, INDEX_HTML)
    }
  })

  it('keeps the first screen whole when it writes the flavour in', async () => {
    // The page as a build writes it: index.html with the first screen and its script filled in.
    const source = readFileSync(join(import.meta.dirname, '..', 'index.html'), 'utf8')
    const built = source
      .replace('<!-- kkm:first-screen -->', firstScreenMarkup())
      .replace(
        '<!-- kkm:first-screen-script -->',
        '<script src="/assets/first-screen-abc123.js"></script>',
      )
    const dir = tempBuild({ 'assets/first-screen-abc123.js': firstScreenScript(NO_PRELOADS) })
    writeFileSync(join(dir, 'index.html'), built)
    try {
      const app = createApp(parseConfig({ STATIC_DIR: dir, ALTEGIO_API_FLAVOUR: 'yclients' }))
      const page = await (await app.request('/sign-in')).text()
      expect(page).toBe(built.replace('content="altegio"', 'content="yclients"'))
      // Both products' names stay in it: the script shows the one the meta tag names.
      expect(page).toContain('<div class="kkm-fs" aria-busy="true">')
      expect(page).toContain('<span data-p="yclients">YCLIENTS</span>')
      expect(page).toContain('<script src="/assets/first-screen-abc123.js"></script>')
      const script = await app.request('/assets/first-screen-abc123.js')
      expect(script.status).toBe(200)
      expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/)
      expect(await script.text()).toContain('kkm.preferences')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rewrites the tag whatever the order of its attributes', () => {
    expect(
      withFlavour(`<head><meta content='altegio' name='kkm-api-flavour'></head>`, 'yclients'),
    ).toBe(`<head><meta content="yclients" name='kkm-api-flavour'></head>`)
  })

  it('serves a page without the tag as it is, after a one-line warning', async () => {
    const bare = tempBuild()
    writeFileSync(join(bare, 'index.html'), '<html><head><title>x</title></head></html>')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const app = createApp(parseConfig({ STATIC_DIR: bare, ALTEGIO_API_FLAVOUR: 'yclients' }))
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^[^\n]*kkm-api-flavour meta tag[^\n]*$/)
      expect(await (await app.request('/')).text()).toBe(
        '<html><head><title>x</title></head></html>',
      )
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('stops npm run serve with one line and exit code 1 when it is not a flavour', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: { PATH: process.env.PATH, STATIC_DIR: staticDir, ALTEGIO_API_FLAVOUR: 'beauty' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      `ALTEGIO_API_FLAVOUR must be altegio or yclients (or unset to keep the build's), got "beauty"`,
    ])
  })
})
