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
 *
 * `shell`: the signed-in pages' frame; the pages are what `router` loads lazily. The shell's static
 * imports, and whatever two pages share, make one more chunk (`shellTest`), so that a signed-in
 * page is four files (entry, shell, its catalogue, itself) instead of ~30: on a phone's network
 * each file is a round trip, six at a time, and each `modulepreload` link costs the main thread
 * ~1 ms to add (a tablet's CPU: 150 ms for the log's 30).
 */
export function firstLoadChunk({
  landing,
  shell,
  router,
}: { landing?: string; shell?: string; router?: string } = {}): {
  plugin: Plugin
  test: (id: string) => boolean
  shellTest: (id: string) => boolean
} {
  const modules = new Set<string>()
  const shared = new Set<string>()
  return {
    plugin: {
      name: 'kkm:first-load',
      async buildEnd() {
        // Each closure walks the same barrels and imports again: resolve each once.
        const resolved = new Map<string, Promise<string | null>>()
        const resolve = (specifier: string, importer: string) => {
          const key = `${importer}\0${specifier}`
          let id = resolved.get(key)
          if (id === undefined) {
            id = this.resolve(specifier, importer).then((r) => (r && !r.external ? r.id : null))
            resolved.set(key, id)
          }
          return id
        }
        const barrels = new Map<string, ReturnType<typeof barrelTargets> | null>()
        const barrelOf = (id: string, code: string) => {
          if (!barrels.has(id)) barrels.set(id, isBarrel(code) ? barrelTargets(id, code) : null)
          return barrels.get(id) ?? null
        }
        // Reading a module's info copies its code out of the bundler: once per module, not per visit.
        const infos = new Map<string, { code: string; lazy: boolean } | null>()
        const infoOf = (id: string) => {
          if (!infos.has(id)) {
            const info = this.getModuleInfo(id)
            infos.set(
              id,
              info && {
                code: info.code ?? '',
                lazy: info.dynamicImporters.length > 0,
              },
            )
          }
          return infos.get(id) ?? null
        }
        const visit = async (
          into: Set<string>,
          id: string,
          only: string[] | null = null,
          stopAt: (id: string) => boolean = () => false,
        ): Promise<void> => {
          const code = infoOf(id)?.code ?? ''
          const barrel = only === null ? null : barrelOf(id, code)
          if (only !== null && barrel) {
            const { targets, stars } = barrel
            const missing = only.filter((name) => !targets.has(name))
            // A name the barrel does not map plainly: follow all of it rather than miss one.
            if (missing.length === 0 || stars.length === 1) {
              for (const name of only) {
                const file = targets.get(name)
                if (file !== undefined) await visit(into, file, null, stopAt)
              }
              const star = stars[0]
              const target = star === undefined ? null : await resolve(star, id)
              if (missing.length > 0 && target) await visit(into, target, missing, stopAt)
              return
            }
          }
          if (into.has(id) || stopAt(id)) return
          into.add(id)
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
            const target = await resolve(specifier, id)
            if (target !== null) await visit(into, target, names(list), stopAt)
          }
        }
        /** A lazy module's static imports, without the module itself (it stays its own chunk). */
        const importsOf = async (
          id: string,
          into: Set<string> = new Set(),
          lazyStaysOut = false,
        ) => {
          if (!infoOf(id)) this.error(`first-load: ${id} is not in the build`)
          const before = into.has(id)
          // What the app loads lazily elsewhere (a language's catalogue) keeps its own chunk.
          const lazy = (other: string) =>
            lazyStaysOut && other !== id && infoOf(other)?.lazy === true
          await visit(into, id, null, lazy)
          if (!before) into.delete(id)
          return into
        }
        const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
        for (const id of entries) await visit(modules, id)
        if (landing !== undefined) await importsOf(landing, modules)
        // The entry's own module (index.html's script, src/main.tsx) stays out: captured, it
        // would leave no chunk marked as the entry; the group becomes the entry's one import.
        for (const id of entries) {
          modules.delete(id)
          if (id.endsWith('.html'))
            this.getModuleInfo(id)?.importedIds.forEach((script) => modules.delete(script))
        }
        if (shell === undefined || router === undefined) return
        const pages = (this.getModuleInfo(router)?.dynamicallyImportedIds ?? []).filter(
          (id) => id !== shell && id !== landing,
        )
        const seen = new Set<string>()
        for (const id of await importsOf(shell, new Set(), true)) shared.add(id)
        for (const page of pages)
          for (const id of await importsOf(page, new Set(), true)) {
            // A stylesheet goes with the pages that show it: the log need not load the tax
            // systems' cards' CSS (a page's CSS has a budget of its own).
            if (seen.has(id) && !id.endsWith('.css')) shared.add(id)
            seen.add(id)
          }
        for (const id of [...modules, shell, ...pages]) shared.delete(id)
      },
    },
    test: (id) => modules.has(id),
    shellTest: (id) => shared.has(id),
  }
}
