// The first screen's script (scripts/first-screen.ts), run as the browser runs it before the
// first paint: whatever localStorage holds, or whether it may be read at all, it never throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { firstScreenMarkup, firstScreenScript, type Preloads } from '../scripts/first-screen'
import { en } from '../src/i18n/messages/en'

const PRELOADS: Preloads = {
  catalogues: { en: ['/assets/en-1.js'], ru: ['/assets/ru-1.js', '/assets/plural-1.js'] },
  routes: [
    ['^\\/sign-in\\/?$', ['/assets/SignInPage-1.js'], 'sign-in'],
    [
      '^\\/tax-systems(\\/|$)',
      ['/assets/AppShellLayout-1.js', '/assets/TaxSystemsPage-1.js'],
      'tax-systems',
    ],
  ],
}

function run(path: string): void {
  window.history.replaceState(null, '', path)

  new Function(firstScreenScript(PRELOADS))()
}

const html = () => document.documentElement
const preloadLinks = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
    (link) => new URL(link.href).pathname,
  )
const firstPaint = () =>
  new Promise((painted) => window.requestAnimationFrame(() => setTimeout(painted, 0)))
/** What the script preloads: nothing before the first paint, then the route's files. */
async function preloaded(): Promise<string[]> {
  expect(preloadLinks(), 'preloads before the first paint').toEqual([])
  await firstPaint()
  return preloadLinks()
}

function darkSystem(dark: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: dark && query === '(prefers-color-scheme: dark)',
        media: query,
      }) as MediaQueryList,
  )
}

beforeEach(() => {
  document.head.innerHTML = '<meta name="kkm-api-flavour" content="altegio">'
  for (const name of [
    'lang',
    'data-mantine-color-scheme',
    'data-kkm-screen',
    'data-kkm-flavour',
    'data-kkm-cashier',
    'data-kkm-route',
  ])
    html().removeAttribute(name)
  window.localStorage.clear()
})
afterEach(async () => {
  window.history.replaceState(null, '', '/')
  // A run whose preloads the test did not wait for adds them now, not in the next test.
  await firstPaint()
})

describe('the first screen script', () => {
  it('starts in English, the system scheme and Altegio when nothing is remembered', async () => {
    darkSystem(true)
    run('/sign-in')
    expect(html().lang).toBe('en')
    expect(html().getAttribute('data-mantine-color-scheme')).toBe('dark')
    expect(html().getAttribute('data-kkm-flavour')).toBe('altegio')
    expect(html().getAttribute('data-kkm-screen')).toBe('sign-in')
    expect(html().hasAttribute('data-kkm-cashier')).toBe(false)
    expect(await preloaded()).toEqual(['/assets/en-1.js', '/assets/SignInPage-1.js'])
  })

  it('follows the remembered language, scheme and cashier mode, and the flavour meta tag', async () => {
    darkSystem(true)
    window.localStorage.setItem(
      'kkm.preferences',
      JSON.stringify({ locale: 'ru', colorScheme: 'light', cashierMode: true }),
    )
    document.head.innerHTML = '<meta name="kkm-api-flavour" content="yclients">'
    run('/tax-systems/1')
    expect(html().lang).toBe('ru')
    expect(html().getAttribute('data-mantine-color-scheme')).toBe('light')
    expect(html().getAttribute('data-kkm-flavour')).toBe('yclients')
    expect(html().getAttribute('data-kkm-screen')).toBe('shell')
    // The frame shows this route's heading (its words need no data).
    expect(html().getAttribute('data-kkm-route')).toBe('tax-systems')
    expect(html().hasAttribute('data-kkm-cashier')).toBe(true)
    expect(await preloaded()).toEqual([
      '/assets/ru-1.js',
      '/assets/plural-1.js',
      '/assets/AppShellLayout-1.js',
      '/assets/TaxSystemsPage-1.js',
    ])
  })

  it.each([
    ['not JSON', '{"locale": "ru"'],
    ['null', 'null'],
    ['a number', '5'],
    ['wrong values', JSON.stringify({ locale: 'de', colorScheme: 'purple', cashierMode: 'yes' })],
  ])('falls back to the defaults when the preferences are %s', (_name, raw) => {
    darkSystem(false)
    window.localStorage.setItem('kkm.preferences', raw)
    expect(() => run('/sign-in')).not.toThrow()
    expect(html().lang).toBe('en')
    expect(html().getAttribute('data-mantine-color-scheme')).toBe('light')
    expect(html().hasAttribute('data-kkm-cashier')).toBe(false)
  })

  it('does not throw where localStorage may not be read, nor without matchMedia', async () => {
    const storage = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    vi.spyOn(window, 'matchMedia').mockImplementation(() => {
      throw new TypeError('matchMedia is not a function')
    })
    try {
      expect(() => run('/overview')).not.toThrow()
    } finally {
      // The shared clean-up after each test clears localStorage.
      storage.mockRestore()
    }
    expect(html().lang).toBe('en')
    expect(html().getAttribute('data-mantine-color-scheme')).toBe('light')
    expect(html().getAttribute('data-kkm-screen')).toBe('shell')
    // A path no route names preloads the catalogue only, and keeps the skeleton heading.
    expect(await preloaded()).toEqual(['/assets/en-1.js'])
    expect(html().hasAttribute('data-kkm-route')).toBe(false)
  })
})

describe('Intl’s data, loaded off the main thread', () => {
  const SRC = '/assets/first-screen-1.js'
  function withCurrentScript(src: string | null) {
    Object.defineProperty(document, 'currentScript', {
      configurable: true,
      get: () => (src === null ? null : { src }),
    })
  }
  afterEach(() => {
    // The document's own getter again (jsdom's, on Document.prototype).
    Reflect.deleteProperty(document, 'currentScript')
    vi.unstubAllGlobals()
  })

  it('starts the script again as a worker, named for the language remembered', () => {
    const worker = vi.fn()
    vi.stubGlobal('Worker', worker)
    withCurrentScript(SRC)
    window.localStorage.setItem('kkm.preferences', JSON.stringify({ locale: 'ru' }))
    run('/locations/4/transactions')
    expect(worker).toHaveBeenCalledTimes(1)
    expect(worker).toHaveBeenCalledWith(SRC, { name: 'ru' })
    expect(html().lang).toBe('ru')
  })

  it('goes on without it where workers are refused (a policy) or unknown', () => {
    vi.stubGlobal(
      'Worker',
      vi.fn(() => {
        throw new DOMException('Refused by the Content-Security-Policy', 'SecurityError')
      }),
    )
    withCurrentScript(SRC)
    expect(() => run('/sign-in')).not.toThrow()
    expect(html().getAttribute('data-kkm-screen')).toBe('sign-in')
    vi.stubGlobal('Worker', undefined)
    expect(() => run('/overview')).not.toThrow()
    expect(html().getAttribute('data-kkm-screen')).toBe('shell')
  })

  it('as the worker, builds formatters in the language it is named for and closes', () => {
    const close = vi.fn()
    const built: string[] = []
    const kinds = {
      DateTimeFormat: Intl.DateTimeFormat,
      NumberFormat: Intl.NumberFormat,
      PluralRules: Intl.PluralRules,
      DisplayNames: Intl.DisplayNames,
    } as const
    /** Each formatter the script builds, as `Kind locale`; the real one is built too, so that
     *  options Intl would refuse fail here as they would in the browser. */
    const recorder = (kind: keyof typeof kinds) =>
      class {
        constructor(locale: string, options?: object) {
          new (kinds[kind] as new (locale: string, options?: object) => unknown)(locale, options)
          built.push(`${kind} ${locale}`)
        }
        format = () => ''
        select = () => ''
        of = () => ''
      }
    const fakeIntl = Object.fromEntries(
      (Object.keys(kinds) as (keyof typeof kinds)[]).map((kind) => [kind, recorder(kind)]),
    )
    // A worker's scope: no document, its own `self`.
    new Function('document', 'self', 'Intl', firstScreenScript(PRELOADS))(
      undefined,
      { name: 'ru', close },
      fakeIntl,
    )
    expect(built).toEqual([
      'DateTimeFormat ru-RU',
      'NumberFormat ru-RU',
      'PluralRules ru-RU',
      'DisplayNames ru-RU',
    ])
    expect(close).toHaveBeenCalledTimes(1)
    expect(html().hasAttribute('data-kkm-screen'), 'nothing of the page is touched').toBe(false)
  })
})

describe('the log’s remembered heading', () => {
  const HEADING = {
    locationId: 4,
    locale: 'en',
    title: '<img src=x onerror=alert(1)> Salon',
    intro: 'KKM transaction log · times in Novosibirsk Standard Time',
  }
  /** The script runs, then the parser adds the first screen's markup, as in a page load. */
  async function paint(path: string, preferences: unknown) {
    window.localStorage.setItem('kkm.preferences', JSON.stringify(preferences))
    run(path)
    document.body.innerHTML = `<div id="root">${firstScreenMarkup()}</div>`
    // The observer's records come in a microtask.
    await Promise.resolve()
    const box = document.querySelector('.kkm-fs-remembered')
    return {
      shown: html().hasAttribute('data-kkm-heading'),
      title: box?.querySelector('h1')?.textContent,
      intro: box?.querySelector('p')?.textContent,
      elements: box?.querySelectorAll('img').length,
    }
  }
  afterEach(() => {
    document.body.innerHTML = ''
    html().removeAttribute('data-kkm-heading')
  })

  it('writes the heading into the frame, as text, for the same location in the same language', async () => {
    expect(await paint('/locations/4/transactions', { logHeading: HEADING })).toEqual({
      shown: true,
      title: HEADING.title,
      intro: HEADING.intro,
      elements: 0,
    })
  })

  it.each([
    ['another location', '/locations/5/transactions', { logHeading: HEADING }],
    ['another page', '/tax-systems/4', { logHeading: HEADING }],
    ['another language', '/locations/4/transactions', { locale: 'ru', logHeading: HEADING }],
    [
      'a heading without text',
      '/locations/4/transactions',
      { logHeading: { ...HEADING, title: 5 } },
    ],
    ['no heading', '/locations/4/transactions', { logHeading: 'Salon' }],
  ])('keeps the skeleton for %s', async (_name, path, preferences) => {
    expect(await paint(path, preferences)).toMatchObject({ shown: false, title: '' })
  })
})

describe('the first screen markup', () => {
  it('names the product wherever a phrase says it, in every flavour, leaving no placeholder', () => {
    const markup = firstScreenMarkup()
    expect(markup).not.toContain('\u0000')
    // The callback's intro names the product twice: both are one span per flavour.
    const [before, between] = en.callback.intro('\u0000').split('\u0000')
    const yclients = '<span data-p="yclients">YCLIENTS</span>'
    expect(markup).toContain(before)
    expect(markup).toContain(`${yclients}${between}`)
  })
})
