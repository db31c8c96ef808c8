import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { getMimeType } from 'hono/utils/mime'
import { choose, ENCODINGS, ownBytes, type Variants } from './encoding.ts'
import type { MiddlewareHandler } from 'hono'

/** Vite's output names: a hash in each, no directories, nothing that could climb out. */
const ASSET_PATH = /^\/assets\/[\w.-]+$/
/** What the cache may hold in all; past it, files are served from disk as before. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024

interface Asset {
  type: string
  compressible: boolean
  lastModified: string
  variants: Variants
}

function readIfFile(path: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return statSync(path).isFile() ? ownBytes(readFileSync(path)) : undefined
  } catch {
    return undefined
  }
}

/**
 * `/assets/*`: Vite's hashed output, which never changes under one name, so each file and its
 * `.br`/`.gz` are read from disk once and answered from memory after. Streaming each answer
 * from disk (serveStatic) cost a stat and a file stream per request; this is the hot path of
 * every page load. Files outside /assets (index.html, favicon) stay with serveStatic.
 */
export function hashedAssets(root: string): MiddlewareHandler {
  const cache = new Map<string, Asset>()
  let cachedBytes = 0

  function load(path: string): Asset | undefined {
    const identity = readIfFile(join(root, path))
    if (!identity) return undefined
    const type = getMimeType(path) ?? 'application/octet-stream'
    const asset: Asset = {
      type,
      compressible: COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type),
      lastModified: statSync(join(root, path)).mtime.toUTCString(),
      variants: { identity },
    }
    if (asset.compressible) {
      for (const [encoding, suffix] of ENCODINGS) {
        const variant = readIfFile(join(root, path + suffix))
        if (variant) asset.variants[encoding] = variant
      }
    }
    const size = Object.values(asset.variants).reduce((sum, each) => sum + each.length, 0)
    // Only files found are kept, so 404s for made-up names cannot grow it.
    if (cachedBytes + size <= MAX_CACHED_BYTES) {
      cache.set(path, asset)
      cachedBytes += size
    }
    return asset
  }

  return async (c, next) => {
    const path = c.req.path
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !ASSET_PATH.test(path)) {
      return next()
    }
    const asset = cache.get(path) ?? load(path)
    if (!asset) return next()

    const { encoding, body } = choose(c.req.header('accept-encoding'), asset.variants)
    c.header('Content-Type', asset.type)
    c.header('Content-Length', String(body.length))
    c.header('Last-Modified', asset.lastModified)
    if (encoding) c.header('Content-Encoding', encoding)
    // Also on an identity answer: a cache that stored one without it would serve it to everyone.
    if (asset.compressible) c.header('Vary', 'Accept-Encoding')
    return c.req.method === 'HEAD' ? c.body(null) : c.body(body)
  }
}
