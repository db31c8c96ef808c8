/**
 * The two deployments of the one API. YCLIENTS (Russia, where the fiscal registers are) is
 * spoken to with its own Accept value; everything else — paths, tokens, bodies — is the same.
 * The deployment is configuration: `<meta name="kkm-api-flavour">` in index.html, written by
 * the build and by `npm run dev`/`npm run serve` from ALTEGIO_API_FLAVOUR.
 */
export type ApiFlavour = 'altegio' | 'yclients'

export const ACCEPT_BY_FLAVOUR: Record<ApiFlavour, string> = {
  altegio: 'application/vnd.api.v2+json',
  yclients: 'application/vnd.yclients.v2+json',
}

/** The product's name as its users know it, for hints such as "Settings → API access in …". */
export const PRODUCT_NAME: Record<ApiFlavour, string> = { altegio: 'Altegio', yclients: 'YCLIENTS' }

export const FLAVOUR_META = 'kkm-api-flavour'

export function isApiFlavour(value: unknown): value is ApiFlavour {
  return value === 'altegio' || value === 'yclients'
}

/** The deployment this page was configured for; Altegio when nothing says otherwise. */
export function configuredFlavour(): ApiFlavour {
  const content = globalThis.document
    ?.querySelector(`meta[name="${FLAVOUR_META}"]`)
    ?.getAttribute('content')
  return isApiFlavour(content) ? content : 'altegio'
}
