/**
 * Everything the entry loads before it can render, in one chunk (a Vite plugin and the
 * `codeSplitting` group test it feeds). By default the bundler cuts the entry's imports into ~20
 * chunks shared with the lazy pages, and each compresses on its own: the sign-in page's first
 * load was 37 files, ~4 kB gzip more than the same code in one.
 *
 * The modules are the entry's static imports, followed after the build has read them all. A
 * barrel file (`@mantine/core`, `@tanstack/query-core`: nothing but imports and exports) is
 * followed only into the names imported from it, or it would bring every component along.
 */
import { dirname, resolve } from 'node:path'
import type { Plugin } from 'vite'

const IMPORT =
  /\bimport\s*(?:[\w$]+\s*,?\s*)?(?:\{([^}]*)\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?["']([^"']+)["']/g
/** CommonJS packages (React, ReactDOM) load their builds with require(). */
const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g
const EXPORT_FROM = /\bexport\s*(?:\{([^}]*)\}|\*(?:\s*as\s+[\w$]+)?)\s*from\s*["']([^"']+)["']/g

/** The local names of `{ a, b as c, type d }`, or null for a whole-module import. */
function names(list: string | undefined): string[] | null {
  if (list === undefined) return null
  return list
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((part) => (part.split(/\s+as\s+/)[0] ?? part).trim())
}

/** A module of nothing but imports and re-exports. */
function isBarrel(code: string): boolean {
  const rest = code
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
    .replace(IMPORT, '')
    .replace(EXPORT_FROM, '')
    .replace(/\bexport\s*\{[^}]*\}\s*;?/g, '')
  return rest.replace(/[;\s]/g, '') === ''
}

/**
 * Which file of the barrel each exported name comes from (names renamed on export are missed),
 * and the specifiers it re-exports whole (`export * from '@tanstack/query-core'`).
 */
function barrelTargets(
  id: string,
  code: string,
): { targets: Map<string, string>; stars: string[] } {
  const targets = new Map<string, string>()
  const stars: string[] = []
  for (const pattern of [IMPORT, EXPORT_FROM])
    for (const [whole, list, specifier] of code.matchAll(pattern)) {
      if (specifier === undefined) continue
      if (list === undefined && whole.startsWith('export')) stars.push(specifier)
      if (!specifier.startsWith('.')) continue
      for (const name of names(list) ?? []) targets.set(name, resolve(dirname(id), specifier))
    }
  return { targets, stars }
}

/**
 * `landing`: the lazy route a first visit usually opens (the sign-in page). Its static imports
 * join the chunk too, so that route is the entry plus one chunk of its own: as ~17 small chunks
 * shared with other pages, each compressed apart, they cost ~3.5 kB gzip more. The route's own
 * module stays lazy.
 */
export function firstLoadChunk({ landing }: { landing?: string } = {}): {
  plugin: Plugin
  test: (id: string) => boolean
} {
  const modules = new Set<string>()
  return {
    plugin: {
      name: 'kkm:first-load',
      async buildEnd() {
        const visit = async (id: string, only: string[] | null = null): Promise<void> => {
          const info = this.getModuleInfo(id)
          const code = info?.code ?? ''
          if (only !== null && isBarrel(code)) {
            const { targets, stars } = barrelTargets(id, code)
            const missing = only.filter((name) => !targets.has(name))
            // A name the barrel does not map plainly: follow all of it rather than miss one.
            if (missing.length === 0 || stars.length === 1) {
              for (const name of only) {
                const file = targets.get(name)
                if (file !== undefined) await visit(file)
              }
              const star = stars[0]
              const resolved = star === undefined ? null : await this.resolve(star, id)
              if (missing.length > 0 && resolved) await visit(resolved.id, missing)
              return
            }
          }
          if (modules.has(id)) return
          modules.add(id)
          const imports = [
            ...code.matchAll(IMPORT),
            ...code.matchAll(EXPORT_FROM),
            ...[...code.matchAll(REQUIRE)].map(([, specifier]) => [
              undefined,
              undefined,
              specifier,
            ]),
          ]
          for (const [, list, specifier] of imports) {
            if (specifier === undefined) continue
            const resolved = await this.resolve(specifier, id)
            if (resolved && !resolved.external) await visit(resolved.id, names(list))
          }
        }
        const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
        for (const id of entries) await visit(id)
        if (landing !== undefined) {
          if (!this.getModuleInfo(landing)) this.error(`first-load: ${landing} is not in the build`)
          const before = modules.has(landing)
          await visit(landing)
          if (!before) modules.delete(landing)
        }
        // The entry's own module (index.html's script, src/main.tsx) stays out: captured, it
        // would leave no chunk marked as the entry; the group becomes the entry's one import.
        for (const id of entries) {
          modules.delete(id)
          if (id.endsWith('.html'))
            this.getModuleInfo(id)?.importedIds.forEach((script) => modules.delete(script))
        }
      },
    },
    test: (id) => modules.has(id),
  }
}
