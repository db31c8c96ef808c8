import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'

/** In the server's order of preference; the build writes both (server/precompress.ts). */
export const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const
export type Encoding = (typeof ENCODINGS)[number][0]

export type Variants = Partial<Record<Encoding | 'identity', Uint8Array<ArrayBuffer>>>

/** The encodings the client accepts (q > 0), by name, per RFC 9110's Accept-Encoding. */
function accepted(header: string | undefined): Set<string> {
  const names = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (name && (q === undefined || Number(q.slice(2)) > 0)) names.add(name)
  }
  return names
}

/** The first of `ENCODINGS` this client takes, or null. */
export function preferred(header: string | undefined): Encoding | null {
  const accepts = accepted(header)
  return ENCODINGS.find(([name]) => accepts.has(name))?.[0] ?? null
}

/** The best variant this client takes: br, then gzip, else the bytes as they are. */
export function choose(
  header: string | undefined,
  variants: Variants,
): { encoding: Encoding | null; body: Uint8Array<ArrayBuffer> } {
  const accepts = accepted(header)
  const encoding = ENCODINGS.find(([name]) => accepts.has(name) && variants[name])?.[0] ?? null
  return { encoding, body: variants[encoding ?? 'identity'] ?? new Uint8Array(0) }
}

/** Bytes of their own, which a response body can take without another copy. */
export function ownBytes(buffer: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(buffer.length)
  bytes.set(buffer)
  return bytes
}

/** For a small page held in memory: compressed once, when it is read. */
export function compressedVariants(text: string): Variants {
  const identity = Buffer.from(text)
  return {
    identity: ownBytes(identity),
    br: ownBytes(
      brotliCompressSync(identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }),
    ),
    gzip: ownBytes(gzipSync(identity, { level: constants.Z_BEST_COMPRESSION })),
  }
}

/** What Hono's compress() skips too: too small to gain from it. */
const MIN_COMPRESSED_BYTES = 1024

const COMPRESS_NOW: Record<Encoding, (input: Uint8Array) => Promise<Buffer>> = {
  // Fast levels: this runs on every API answer, where the build's assets get the highest.
  br: (input) =>
    promisify(brotliCompress)(input, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
        // A window no larger than the answer: the default 4 MB one is allocated for each call.
        [constants.BROTLI_PARAM_LGWIN]: Math.min(
          constants.BROTLI_MAX_WINDOW_BITS,
          Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(input.length))),
        ),
      },
    }),
  gzip: (input) => promisify(gzip)(input, { level: 6 }),
}

/**
 * An API answer for this client, compressed once as a whole (br, then gzip) on zlib's thread
 * pool, so a large read does not hold the event loop. Instead of Hono's compress(), whose web
 * streams make a web Response of each answer, and which gzips only. Sets
 * `Content-Encoding` and `Vary` in `headers` (lower-case names) when it applies.
 */
export async function encodeAnswer(
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  acceptEncoding: string | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const type = headers['content-type']
  if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return body
  const vary = headers.vary
  if (!vary || !/\baccept-encoding\b/i.test(vary)) {
    headers.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
  }
  const encoding = preferred(acceptEncoding)
  const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers['cache-control'] ?? '')
  if (!encoding || noTransform || body.length < MIN_COMPRESSED_BYTES) return body
  const compressed = ownBytes(await COMPRESS_NOW[encoding](body))
  if (compressed.length >= body.length) return body
  headers['content-encoding'] = encoding
  return compressed
}
