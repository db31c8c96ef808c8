/** The largest id the API's integer columns hold. */
const MAX_ID = 2_147_483_647

/**
 * A positive integer id as a person or a URL writes it, or null: a location in the address bar,
 * a document id typed at the till. Checked before any request is made.
 */
export function parseId(raw: string | undefined): number | null {
  const trimmed = raw?.trim() ?? ''
  if (!/^[1-9]\d{0,9}$/.test(trimmed)) return null
  const id = Number(trimmed)
  return id <= MAX_ID ? id : null
}
