/**
 * The first screen before the JavaScript (issue #14.2), a Vite plugin:
 *
 * - index.html's `<!-- kkm:first-screen -->` becomes the sign-in form and the signed-in shell's
 *   frame in plain HTML, in both languages and for both products, words taken from the catalogues
 *   (src/i18n/messages) so they cannot drift; index.html's own `<style>` lays them out and shows
 *   one language, one product and one screen, as the attributes on `<html>` say.
 * - `<!-- kkm:first-screen-script -->` becomes a small classic script, a file of its own because
 *   the server's Content-Security-Policy allows no inline script (server/app.ts). It runs before
 *   the first paint and sets those attributes from the preferences (localStorage
 *   `kkm.preferences`, src/preferences/store.ts), the `kkm-api-flavour` meta tag and the path,
 *   and adds a modulepreload for what the route needs: the chosen language's catalogue and the
 *   route's lazy chunks, nothing else (the entry's own imports Vite preloads already).
 *
 * React replaces the whole of #root in one commit (src/main.tsx renders in a transition), so
 * nothing that was painted moves; the skeleton is `aria-busy` and holds no control.
 */
import { PRODUCT_NAME, type ApiFlavour } from '../src/api/flavour.ts'
import { STUCK_AFTER_MS } from '../src/domain/durations.ts'
import { en, type Messages } from '../src/i18n/messages/en.ts'
import { ru } from '../src/i18n/messages/ru.ts'
import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'

const MARKUP = '<!-- kkm:first-screen -->'
const SCRIPT = '<!-- kkm:first-screen-script -->'
const DEV_SCRIPT_PATH = '/@kkm/first-screen.js'

type Words = Messages
type Phrase = (words: Words) => string | ((product: string) => string)

/**
 * Which lazy page each path loads (src/router.tsx); the shell's frame comes before all but
 * sign-in. A page whose heading needs no data (PageHeader's title and intro) has it in the frame,
 * so its largest text paints before the JavaScript; the others show a skeleton heading.
 */
const ROUTES: {
  name: string
  page: string
  path: RegExp
  shell: boolean
  heading?: { title: Phrase; intro: Phrase }
}[] = [
  {
    name: 'sign-in',
    page: 'src/pages/sign-in/SignInPage.tsx',
    path: /^\/sign-in\/?$/,
    shell: false,
  },
  {
    name: 'overview',
    page: 'src/pages/overview/OverviewPage.tsx',
    path: /^\/overview\/?$/,
    shell: true,
    heading: {
      title: (w) => w.overview.title,
      intro: (w) => w.overview.intro(STUCK_AFTER_MS / 60_000),
    },
  },
  {
    name: 'tax-systems',
    page: 'src/pages/tax-systems/TaxSystemsPage.tsx',
    path: /^\/tax-systems(\/|$)/,
    shell: true,
    heading: { title: (w) => w.taxSystems.title, intro: (w) => w.taxSystems.intro },
  },
  {
    name: 'log',
    page: 'src/pages/transactions/TransactionsPage.tsx',
    path: /^\/locations\/[^/]+\/transactions\/?$/,
    shell: true,
  },
  {
    name: 'callback',
    page: 'src/pages/callback/CallbackPage.tsx',
    path: /^\/callback\/?$/,
    shell: true,
    heading: { title: (w) => w.callback.title, intro: (w) => w.callback.intro },
  },
  // The start page may go straight on to a log: no heading that might not be its.
  { name: 'home', page: 'src/pages/home/HomePage.tsx', path: /^\/?$/, shell: true },
]
const SHELL = 'src/pages/shell/AppShellLayout.tsx'
const CATALOGUES = { en: 'src/i18n/messages/en.ts', ru: 'src/i18n/messages/ru.ts' } as const

export interface Preloads {
  /** Files (from the site's root) of each language's catalogue chunk. */
  catalogues: Record<keyof typeof CATALOGUES, string[]>
  /** A path's pattern (RegExp source), the files its route loads beyond the entry, its name. */
  routes: [string, string[], string][]
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const LANGUAGES: [keyof typeof CATALOGUES, Words][] = [
  ['en', en],
  ['ru', ru],
]
const FLAVOURS = Object.keys(PRODUCT_NAME) as ApiFlavour[]

/** A phrase in each language, each its own span (the stylesheet shows the chosen one). */
function say(pick: Phrase): string {
  return LANGUAGES.map(([language, words]) => {
    const phrase = pick(words)
    const text =
      typeof phrase === 'string'
        ? escape(phrase)
        : // The product's name is one span per flavour, inside the phrase where the words put it.
          escape(phrase('\u0000')).replaceAll(
            '\u0000',
            FLAVOURS.map(
              (flavour) => `<span data-p="${flavour}">${escape(PRODUCT_NAME[flavour])}</span>`,
            ).join(''),
          )
    return `<span data-l="${language}">${text}</span>`
  }).join('')
}

function field(label: string, description: string): string {
  return `<div class="kkm-fs-field"><div class="kkm-fs-label">${label}</div><div class="kkm-fs-description">${description}</div><div class="kkm-fs-input"></div></div>`
}

/** The sign-in page (src/pages/sign-in/SignInPage.tsx) and the shell's frame, without controls. */
export function firstScreenMarkup(): string {
  const headed = ROUTES.flatMap(({ name, heading }) => (heading ? [{ name, heading }] : []))
  const signIn = [
    '<main class="kkm-fs-sign-in"><div class="kkm-fs-card">',
    `<h1 class="kkm-fs-title">${say((w) => w.app.name)}</h1>`,
    `<p class="kkm-fs-intro">${say((w) => w.signIn.intro)}</p>`,
    '<div class="kkm-fs-segments kkm-fs-xs"></div>',
    '<div class="kkm-fs-segments"></div>',
    field(
      say((w) => w.tokens.partner),
      say((w) => w.signIn.partnerHint),
    ),
    field(
      say((w) => w.tokens.user),
      say((w) => w.signIn.userHint),
    ),
    `<div class="kkm-fs-button">${say((w) => w.signIn.submit)}</div>`,
    '</div></main>',
  ].join('')
  const shell = [
    '<div class="kkm-fs-shell">',
    // On a phone the header holds only the burger and the location picker, which says this
    // until the locations come: the frame's first text on a phone, where the brand gives way.
    `<header class="kkm-fs-header"><div class="kkm-fs-brand">${say((w) => w.app.name)}</div><div class="kkm-fs-picker">${say((w) => w.shell.loadingLocations)}</div></header>`,
    '<nav class="kkm-fs-nav"><div></div><div></div><div></div></nav>',
    '<main class="kkm-fs-main">',
    ...headed.map(
      ({ name, heading }) =>
        `<div class="kkm-fs-page" data-r="${name}"><h1 class="kkm-fs-page-title">${say(heading.title)}</h1><p class="kkm-fs-page-intro">${say(heading.intro)}</p></div>`,
    ),
    // The log's heading as last shown, written in by the script (its text is the API's).
    '<div class="kkm-fs-page kkm-fs-remembered"><h1 class="kkm-fs-page-title"></h1><p class="kkm-fs-page-intro"></p></div>',
    '<div class="kkm-fs-skeleton"><div class="kkm-fs-heading"></div><div class="kkm-fs-line"></div></div>',
    '</main>',
    '</div>',
  ].join('')
  // The route's heading instead of the skeleton, as the script's data-kkm-route names it.
  const shown = headed
    .map(({ name }) => `html[data-kkm-route="${name}"] .kkm-fs-page[data-r="${name}"]`)
    .join(',')
  const hidden = headed
    .map(({ name }) => `html[data-kkm-route="${name}"] .kkm-fs-skeleton`)
    .join(',')
  const remembered = 'html[data-kkm-heading] .kkm-fs-remembered'
  const style = `<style>${shown},${remembered}{display:block}${hidden},html[data-kkm-heading] .kkm-fs-skeleton{display:none}</style>`
  // Last, so that nothing of it shows before all of it is parsed (index.html hides it until then).
  const whole = '<style>.kkm-fs{visibility:visible}</style>'
  return `<div class="kkm-fs" aria-busy="true">${style}${signIn}${shell}${whole}</div>`
}

/**
 * The script run before the first paint. Plain ES5 in a function: it must not throw, whatever
 * localStorage holds or whether it may be read at all (privacy modes, sandboxed frames).
 */
export function firstScreenScript(preloads: Preloads): string {
  return `(function () {
  // Run again as a Worker (below): the first Intl formatter a page builds loads ICU's data, 20 to
  // 50 ms of the main thread on a desktop and four times that on a tablet, in the app's first
  // render. That data is the browser process's, so building one here, on another thread, spares
  // the main thread all of it (issue #14.2: Total Blocking Time).
  if (typeof document === 'undefined') {
    try {
      var locale = self.name === 'ru' ? 'ru-RU' : 'en-GB'
      new Intl.DateTimeFormat(locale, {
        timeZoneName: 'long',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date())
      new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' }).format(1)
      new Intl.PluralRules(locale).select(1)
      new Intl.DisplayNames(locale, { type: 'region' }).of('RU')
    } catch (error) {
      // Older browsers lack a formatter: the app builds its own as before.
    }
    self.close()
    return
  }
  var root = document.documentElement
  var preferences = null
  try {
    preferences = JSON.parse(window.localStorage.getItem('kkm.preferences'))
  } catch (error) {
    preferences = null
  }
  if (!preferences || typeof preferences !== 'object') preferences = {}
  var language = preferences.locale === 'ru' ? 'ru' : 'en'
  var scheme = preferences.colorScheme
  if (scheme !== 'light' && scheme !== 'dark') {
    try {
      scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
    } catch (error) {
      scheme = 'light'
    }
  }
  var meta = document.querySelector('meta[name="kkm-api-flavour"]')
  var flavour = meta && meta.getAttribute('content') === 'yclients' ? 'yclients' : 'altegio'
  var path = window.location.pathname
  root.lang = language
  root.setAttribute('data-mantine-color-scheme', scheme)
  root.setAttribute('data-kkm-flavour', flavour)
  root.setAttribute('data-kkm-screen', /^\\/sign-in\\/?$/.test(path) ? 'sign-in' : 'shell')
  if (preferences.cashierMode === true) root.setAttribute('data-kkm-cashier', '')
  try {
    if (document.currentScript && typeof Worker === 'function')
      new Worker(document.currentScript.src, { name: language })
  } catch (error) {
    // A policy that forbids workers: the app pays for Intl's data itself.
  }
  var preloads = ${JSON.stringify(preloads)}
  var files = preloads.catalogues[language].slice()
  for (var i = 0; i < preloads.routes.length; i++) {
    if (new RegExp(preloads.routes[i][0]).test(path)) {
      files = files.concat(preloads.routes[i][1])
      root.setAttribute('data-kkm-route', preloads.routes[i][2])
      break
    }
  }
  // The log's heading as it was last shown, for this location in this language
  // (src/pages/transactions/logHeading.ts), written into the frame as the parser adds it: as text.
  var heading = preferences.logHeading
  var log = /^\\/locations\\/([^/]+)\\/transactions\\/?$/.exec(path)
  if (
    log &&
    heading &&
    typeof heading === 'object' &&
    String(heading.locationId) === log[1] &&
    heading.locale === language &&
    typeof heading.title === 'string' &&
    typeof heading.intro === 'string'
  ) {
    var written = new MutationObserver(function () {
      var box = document.querySelector('.kkm-fs-remembered')
      if (!box || box.children.length < 2) return
      box.children[0].textContent = heading.title
      box.children[1].textContent = heading.intro
      root.setAttribute('data-kkm-heading', '')
      written.disconnect()
    })
    written.observe(root, { childList: true, subtree: true })
    document.addEventListener('DOMContentLoaded', function () {
      written.disconnect()
    })
  }
  // After the first paint: the frame's CSS comes first on a slow link, and the route's chunks
  // are needed only once the entry has run. A hidden tab paints nothing: its imports fetch them.
  function preload() {
    for (var j = 0; j < files.length; j++) {
      var link = document.createElement('link')
      link.rel = 'modulepreload'
      link.href = files[j]
      document.head.appendChild(link)
    }
  }
  window.requestAnimationFrame(function () {
    window.setTimeout(preload, 0)
  })
})()
`
}

function chunkOf(bundle: OutputBundle, module: string): OutputChunk {
  const found = Object.values(bundle).find(
    (output): output is OutputChunk =>
      output.type === 'chunk' && (output.facadeModuleId ?? '').endsWith(`/${module}`),
  )
  if (!found) throw new Error(`first-screen: the build has no chunk for ${module}`)
  return found
}

/** A chunk and its static imports, less what the entry loads (and Vite preloads) already. */
function closure(bundle: OutputBundle, start: OutputChunk, loaded: Set<string>): string[] {
  const seen = new Set<string>()
  const visit = (fileName: string) => {
    if (seen.has(fileName) || loaded.has(fileName)) return
    seen.add(fileName)
    const output = bundle[fileName]
    if (output?.type === 'chunk') output.imports.forEach(visit)
  }
  visit(start.fileName)
  return [...seen]
}

export function preloadsOf(bundle: OutputBundle, base: string): Preloads {
  const entry = Object.values(bundle).find(
    (output): output is OutputChunk => output.type === 'chunk' && output.isEntry,
  )
  if (!entry) throw new Error('first-screen: the build has no entry chunk')
  const loaded = new Set(closure(bundle, entry, new Set()))
  const url = (files: string[]) => files.map((file) => base + file)
  const shell = closure(bundle, chunkOf(bundle, SHELL), loaded)
  return {
    catalogues: {
      en: url(closure(bundle, chunkOf(bundle, CATALOGUES.en), loaded)),
      ru: url(closure(bundle, chunkOf(bundle, CATALOGUES.ru), loaded)),
    },
    routes: ROUTES.map(({ page, path, shell: inShell, name }) => {
      const own = closure(bundle, chunkOf(bundle, page), loaded)
      return [path.source, url([...new Set([...(inShell ? shell : []), ...own])]), name]
    }),
  }
}

export function firstScreen(): Plugin {
  let base = '/'
  return {
    name: 'kkm:first-screen',
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    configureServer(server) {
      // The dev server preloads nothing (it serves modules one by one); the rest is the same.
      server.middlewares.use(DEV_SCRIPT_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript')
        const routes = ROUTES.map(({ path, name }): Preloads['routes'][number] => [
          path.source,
          [],
          name,
        ])
        res.end(firstScreenScript({ catalogues: { en: [], ru: [] }, routes }))
      })
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        // Only the app's index.html has the markers (not Storybook's or Vitest's pages).
        if (!html.includes(MARKUP) || !html.includes(SCRIPT)) return html
        const withMarkup = html.replace(MARKUP, firstScreenMarkup())
        // In a build the script's file exists only once the chunks are named (generateBundle).
        return context.server
          ? withMarkup.replace(SCRIPT, `<script src="${DEV_SCRIPT_PATH}"></script>`)
          : withMarkup
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html']
        // A build of something else with this config (Storybook) has no page of ours.
        if (page?.type !== 'asset' || typeof page.source !== 'string') return
        if (!page.source.includes(SCRIPT)) return
        const reference = this.emitFile({
          type: 'asset',
          name: 'first-screen.js',
          source: firstScreenScript(preloadsOf(bundle, base)),
        })
        page.source = page.source.replace(
          SCRIPT,
          `<script src="${base}${this.getFileName(reference)}"></script>`,
        )
      },
    },
  }
}
