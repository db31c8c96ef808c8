import { readFileSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { choose, compressedVariants, type Variants } from './encoding.ts'
import type { ApiFlavour } from './config.ts'
import type { Context, Handler, MiddlewareHandler } from 'hono'

const FLAVOUR_META = /<meta\b[^>]*\bname=(["'])kkm-api-flavour\1[^>]*>/i
const CONTENT_ATTRIBUTE = /\bcontent=(["'])[^"']*\1/i

/**
 * index.html with its kkm-api-flavour meta tag set to `flavour`, or null when the tag is missing
 * (then the page is served as built, and the operator is told once).
 */
export function withFlavour(html: string, flavour: ApiFlavour): string | null {
  const tag = FLAVOUR_META.exec(html)?.[0]
  if (tag === undefined) return null
  const rewritten = CONTENT_ATTRIBUTE.test(tag)
    ? tag.replace(CONTENT_ATTRIBUTE, `content="${flavour}"`)
    : tag.replace(/\s*\/?>$/, ` content="${flavour}">`)
  return html.replace(tag, rewritten)
}

/**
 * `/`, `/index.html` and the SPA fallback, from memory, compressed once when read: it is asked
 * for on every navigation, and a .br or .gz of it on disk could be stale (it never is served).
 * With a flavour set it is read and rewritten once, at start-up. Without one it is the build's
 * own and is read again when its file changes, so a deploy is served at once without a restart.
 */
export function indexPage(root: string, flavour: ApiFlavour | null): Handler {
  const path = join(root, 'index.html')
  const serve = (c: Context, page: Page) => {
    const { encoding, body } = choose(c.req.header('accept-encoding'), page.variants)
    c.header('Content-Type', 'text/html; charset=UTF-8')
    c.header('Content-Length', String(body.length))
    c.header('Last-Modified', page.lastModified)
    c.header('Vary', 'Accept-Encoding')
    if (encoding) c.header('Content-Encoding', encoding)
    return c.body(body)
  }

  if (flavour !== null) {
    const built = readPage(path)
    const rewritten = withFlavour(built.html, flavour)
    if (rewritten === null) {
      console.warn(
        `ALTEGIO_API_FLAVOUR=${flavour} is set but index.html has no kkm-api-flavour meta tag; serving it as built`,
      )
    }
    const page = rewritten === null ? built : { ...built, variants: compressedVariants(rewritten) }
    return (c) => serve(c, page)
  }

  let page: Page | null = null
  return (c) => {
    const stats = statSync(path, { throwIfNoEntry: false })
    if (!stats) return c.notFound()
    if (!page || changed(page, stats)) page = readPage(path)
    return serve(c, page)
  }
}

interface Page {
  html: string
  variants: Variants
  lastModified: string
  stats: Pick<Stats, 'ino' | 'mtimeMs' | 'size'>
}

/** A build writes a new file (new inode); an edit in place changes the time or the size. */
function changed(page: Page, stats: Stats): boolean {
  const was = page.stats
  return was.ino !== stats.ino || was.mtimeMs !== stats.mtimeMs || was.size !== stats.size
}

function readPage(path: string): Page {
  const stats = statSync(path)
  const html = readFileSync(path, 'utf8')
  return {
    html,
    variants: compressedVariants(html),
    lastModified: stats.mtime.toUTCString(),
    stats,
  }
}

/**
 * Files as they are on disk, or their `.br` / `.gz` sibling written by the build when the client
 * accepts it. Vary on every compressible file, not only on a compressed answer: a cache that
 * stored an identity answer without it would hand that to every browser after.
 */
export function staticFiles(root: string): MiddlewareHandler {
  const files = serveStatic({ root, precompressed: true })
  return async (c, next) => {
    const served = await files(c, next)
    const type = c.res.headers.get('Content-Type')
    if (type && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) {
      const vary = c.res.headers.get('Vary')
      if (!vary || !/\baccept-encoding\b/i.test(vary)) {
        c.res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      }
    }
    return served
  }
}
