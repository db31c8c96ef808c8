/** Altegio tokens are short opaque strings; anything else is a paste gone wrong. */
export const MAX_TOKEN_LENGTH = 256

/** The words of each problem: the interface passes its catalogue's (`t.tokens`). */
export interface TokenProblemMessages {
  required: (label: string) => string
  spaces: (label: string) => string
  tooLong: (label: string, length: number, max: number) => string
  characters: (label: string) => string
}

const ENGLISH: TokenProblemMessages = {
  required: (label) => `${label} is required.`,
  spaces: (label) => `${label} must not contain spaces or line breaks.`,
  tooLong: (label, length, max) => `${label} is too long (${length} characters; at most ${max}).`,
  characters: (label) => `${label} contains characters a token cannot have.`,
}

/** A reason the token cannot be right, or null. Whitespace or commas would break the Authorization header. */
export function tokenProblem(
  label: string,
  value: string,
  messages: TokenProblemMessages = ENGLISH,
): string | null {
  const trimmed = value.trim()
  if (trimmed === '') return messages.required(label)
  if (/\s/.test(trimmed)) return messages.spaces(label)
  if (trimmed.length > MAX_TOKEN_LENGTH)
    return messages.tooLong(label, trimmed.length, MAX_TOKEN_LENGTH)
  if (!/^[\x21-\x7e]+$/.test(trimmed) || trimmed.includes(',')) return messages.characters(label)
  return null
}
