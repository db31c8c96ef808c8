import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Handler, MiddlewareHandler } from 'hono'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import type { ApiFlavour } from './config.ts'

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
 * `/`, `/index.html` and the SPA fallback. With a flavour set, the page is read and rewritten once
 * at start-up and served from memory, so no stale index.html.br or .gz can carry the build's own
 * flavour; the page is under 1 KiB and gains nothing from compression anyway.
 */
export function indexPage(root: string, flavour: ApiFlavour | null): Handler {
  const fromDisk = serveStatic({ root, path: 'index.html' })
  if (flavour === null) return (c, next) => fromDisk(c, next)
  const built = readFileSync(join(root, 'index.html'), 'utf8')
  const rewritten = withFlavour(built, flavour)
  if (rewritten === null) {
    console.warn(
      `ALTEGIO_API_FLAVOUR=${flavour} is set but index.html has no kkm-api-flavour meta tag; serving it as built`,
    )
  }
  const html = rewritten ?? built
  // With its length known, the compressor applies its 1 KiB threshold as it does to files.
  const length = String(Buffer.byteLength(html))
  return (c) => c.html(html, 200, { 'Content-Length': length })
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
