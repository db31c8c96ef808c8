/** Altegio tokens are short opaque strings; anything else is a paste gone wrong. */
export const MAX_TOKEN_LENGTH = 256

/** A reason the token cannot be right, or null. Whitespace or commas would break the Authorization header. */
export function tokenProblem(label: string, value: string): string | null {
  const trimmed = value.trim()
  if (trimmed === '') return `${label} is required.`
  if (/\s/.test(trimmed)) return `${label} must not contain spaces or line breaks.`
  if (trimmed.length > MAX_TOKEN_LENGTH)
    return `${label} is too long (${trimmed.length} characters; at most ${MAX_TOKEN_LENGTH}).`
  if (!/^[\x21-\x7e]+$/.test(trimmed) || trimmed.includes(','))
    return `${label} contains characters a token cannot have.`
  return null
}
