/** Bundle sizes from dist/ and Vite's manifest: every asset, the entry, and what each route loads. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { readManifest, routeChunks } from '../route-chunks'

export interface AssetSize {
  file: string
  bytes: number
  gzipBytes: number
}

export interface RouteSize {
  route: string
  path: string
  /** Lazy modules the route adds to the entry (absent ones are in the entry already). */
  lazyModules: string[]
  files: string[]
  jsGzipBytes: number
  cssGzipBytes: number
  totalGzipBytes: number
}

export interface BundleReport {
  gzipLevel: number
  assets: AssetSize[]
  totals: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number }
  entry: {
    chunk: string
    chunkGzipBytes: number
    /** The entry and everything it imports statically: what every first load downloads. */
    initialFiles: string[]
    initialJsGzipBytes: number
    initialCssGzipBytes: number
  }
  routes: RouteSize[]
}

// As scripts/check-budgets.ts, and what the production server's compression sends.
const GZIP_LEVEL = 6

/** kB as the budgets (scripts/check-budgets.ts) and Vite count them: 1,000 bytes. */
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
/** The address each page is served at, for the report (src/router.tsx); else its folder name. */
const PATHS: Record<string, string> = {
  'sign-in': '/sign-in',
  overview: '/overview',
  'tax-systems': '/tax-systems/:countryId?',
  transactions: '/locations/:locationId/transactions',
  callback: '/callback',
  'not-found': '*',
}

export function measureBundle(root: string): BundleReport {
  const dist = join(root, 'dist')
  const manifest = readManifest(dist)
  const assets: AssetSize[] = readdirSync(join(dist, 'assets'))
    .filter((file) => file.endsWith('.js') || file.endsWith('.css'))
    .map((file) => {
      const content = readFileSync(join(dist, 'assets', file))
      return {
        file: `assets/${file}`,
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: GZIP_LEVEL }).length,
      }
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
  const size = new Map(assets.map((asset) => [asset.file, asset]))
  const gz = (file: string) => size.get(file)?.gzipBytes ?? 0

  /** A chunk and its static imports, with their CSS. */
  const closure = (key: string, into = new Set<string>(), seen = new Set<string>()) => {
    if (seen.has(key)) return into
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) return into
    into.add(chunk.file)
    for (const css of chunk.css ?? []) into.add(css)
    for (const imported of chunk.imports ?? []) closure(imported, into, seen)
    return into
  }
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  const entryChunk = entryKey ? manifest[entryKey] : undefined
  if (!entryKey || !entryChunk) throw new Error('dist/.vite/manifest.json has no entry chunk')
  const initial = closure(entryKey)
  const sum = (files: Iterable<string>, ext: string) =>
    [...files].filter((file) => file.endsWith(ext)).reduce((total, file) => total + gz(file), 0)

  const routes: RouteSize[] = routeChunks(root, manifest).map(({ name, modules }) => {
    const files = new Set(initial)
    const lazyModules = modules.filter((module) => manifest[module]?.isDynamicEntry)
    for (const module of lazyModules) closure(module, files)
    const js = sum(files, '.js')
    const css = sum(files, '.css')
    return {
      route: name,
      path: PATHS[name] ?? name,
      lazyModules,
      files: [...files],
      jsGzipBytes: js,
      cssGzipBytes: css,
      totalGzipBytes: js + css,
    }
  })
  const js = assets.filter((asset) => asset.file.endsWith('.js'))
  const css = assets.filter((asset) => asset.file.endsWith('.css'))
  return {
    gzipLevel: GZIP_LEVEL,
    assets,
    totals: {
      jsBytes: js.reduce((total, asset) => total + asset.bytes, 0),
      jsGzipBytes: js.reduce((total, asset) => total + asset.gzipBytes, 0),
      cssBytes: css.reduce((total, asset) => total + asset.bytes, 0),
      cssGzipBytes: css.reduce((total, asset) => total + asset.gzipBytes, 0),
    },
    entry: {
      chunk: entryChunk.file,
      chunkGzipBytes: gz(entryChunk.file),
      initialFiles: [...initial],
      initialJsGzipBytes: sum(initial, '.js'),
      initialCssGzipBytes: sum(initial, '.css'),
    },
    routes,
  }
}
