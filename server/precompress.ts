/**
 * A build step (Vite plugin) for the production server: a `.br` and a `.gz` beside every
 * compressible file of the build, at the highest levels, so the server sends bytes from disk
 * instead of compressing each asset on each request (serveStatic's `precompressed` option).
 * Not index.html: the server may rewrite it (ALTEGIO_API_FLAVOUR) and compresses its own copy.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|map|wasm|webmanifest|ico)$/
/** Below this the framing costs more than compression saves; the server's compressor agrees. */
const MIN_BYTES = 1024

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !path
          .slice(dir.length)
          .split('/')
          .some((part) => part.startsWith('.')),
    )
}

async function compressOne(path: string): Promise<[number, number, number]> {
  const source = await readFile(path)
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
  ])
  // A variant no smaller than the file is not worth a Content-Encoding.
  if (br.length < source.length) await writeFile(`${path}.br`, br)
  if (gz.length < source.length) await writeFile(`${path}.gz`, gz)
  return [source.length, br.length, gz.length]
}

/** Writes the variants for every file of `dir` that gains from them. */
export async function precompressDir(dir: string): Promise<string> {
  const candidates: string[] = []
  for (const path of await filesUnder(dir)) {
    if (!COMPRESSIBLE.test(path) || basename(path) === 'index.html') continue
    if ((await stat(path)).size >= MIN_BYTES) candidates.push(path)
  }
  const sizes = await Promise.all(candidates.map(compressOne))
  const kB = (pick: 0 | 1 | 2) =>
    (sizes.reduce((sum, each) => sum + each[pick], 0) / 1000).toFixed(1)
  return `precompressed ${sizes.length} files: ${kB(0)} kB, br ${kB(1)} kB, gzip ${kB(2)} kB`
}

/** Runs after a build that wrote to `outDir` only, so a Storybook build reusing the config does not. */
export function precompress(outDir: string): Plugin {
  let target: string | null = null
  let log: (message: string) => void = console.log
  return {
    name: 'kkm:precompress',
    apply: 'build',
    configResolved(config) {
      const resolved = resolve(config.root, config.build.outDir)
      target = resolved === resolve(config.root, outDir) ? resolved : null
      log = (message) => config.logger.info(message)
    },
    async closeBundle() {
      if (target) log(await precompressDir(target))
    },
  }
}
