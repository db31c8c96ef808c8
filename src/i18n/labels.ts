import { en } from './messages/en'

/**
 * Meanings of the API's enums, from the reference, now in the catalogues (`t.enums`): these are
 * the English ones, which also list the ids the console knows. The API also sends its own
 * titles; a catalogue's title is used where we know the id, the API's title when we do not.
 */
export const OPERATION_TYPE_LABELS: Readonly<Record<number, string>> = en.enums.operationType
export const PRINT_STATUS_LABELS: Readonly<Record<number, string>> = en.enums.printStatus

/** Our label for a known id, else the API's own title as sent, else the id. */
export function labelFor(
  labels: Readonly<Record<number, string>>,
  id: number,
  apiTitle?: string,
): string {
  return labels[id] ?? (apiTitle?.trim() || `#${id}`)
}
