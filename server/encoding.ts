import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

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
