/**
 * What the routes of src/router.tsx are made of in a build: Vite's manifest
 * (dist/.vite/manifest.json, `build.manifest` in vite.config.ts) and the lazy page imports of the
 * router, read from its source so a new page is measured at once. Shared by
 * `npm run check:budgets` and `npm run bench`, so the two cannot count different routes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ManifestChunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
export type Manifest = Record<string, ManifestChunk>

/** The sign-in page stands alone; every other page loads inside the shell. */
const STANDALONE = ['src/pages/sign-in/SignInPage.tsx']
/** The signed-in shell's own lazy modules: loaded before any page under `/`. */
const SHELL = ['src/pages/shell/AppShellLayout.tsx', 'src/pages/lock/LockScreen.tsx']

export interface RouteChunks {
  /** The page's folder: `sign-in`, `transactions`, … */
  name: string
  /** The page's module, a manifest key. */
  module: string
  /** The lazy modules the route loads on top of the entry, outermost first. */
  modules: string[]
}

export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest
}

/** Every page of src/router.tsx with the lazy modules it loads; throws when the build lacks one. */
export function routeChunks(root: string, manifest: Manifest): RouteChunks[] {
  const router = readFileSync(join(root, 'src', 'router.tsx'), 'utf8')
  const modules = [...router.matchAll(/import\(\s*['"]\.\/(pages\/[^'"]+)['"]\s*\)/g)].map(
    (match) => {
      const base = `src/${match[1] ?? ''}`
      const found = ['.tsx', '.ts'].map((ext) => base + ext).find((key) => manifest[key])
      if (!found)
        throw new Error(
          `src/router.tsx imports ./${match[1] ?? ''} lazily, but the build has no chunk for it.`,
        )
      return found
    },
  )
  if (modules.length === 0) throw new Error('src/router.tsx has no lazy route imports.')
  // The shell's modules count only when they are chunks of their own (lazy in the router).
  const shell = SHELL.filter((key) => manifest[key])
  return [...new Set(modules)]
    .filter((module) => !SHELL.includes(module))
    .map((module) => ({
      name: module.split('/').at(-2) ?? module,
      module,
      modules: STANDALONE.includes(module) ? [module] : [...shell, module],
    }))
}
