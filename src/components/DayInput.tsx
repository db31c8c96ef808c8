import { TextInput } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useI18n } from '@/i18n'
import { DAY_TEXT_FORMATS, formatDayText, parseDayText } from './dayText'

export interface DayInputProps {
  label: string
  /** The committed day, `YYYY-MM-DD`. */
  value: string
  /**
   * A day typed in full, on blur or Enter, never on a keystroke: a field that re-rendered while
   * being typed in lost what was typed. Returns an error to show, and the text stays as typed.
   */
  onCommit: (isoDay: string) => string | null
  /** Shown under the field; a rule outside it (a range's order) is its parent's to tell. */
  error?: ReactNode
  /** Said when what was typed is not a day, with the form to type it in. */
  invalidMessage: (pattern: string) => string
  w?: number
}

/**
 * A calendar day typed in the interface language's form (`ДД.ММ.ГГГГ`, `YYYY-MM-DD`): a text field,
 * not the browser's date input, whose segments follow the browser's locale rather than the app's.
 */
export function DayInput({ label, value, onCommit, error, invalidMessage, w }: DayInputProps) {
  const { locale } = useI18n()
  const shown = formatDayText(value, locale)
  // What is typed, until it is committed; null shows the committed day in this language.
  const [draft, setDraft] = useState<string | null>(null)
  const [ownError, setOwnError] = useState<string | null>(null)
  const format = DAY_TEXT_FORMATS[locale]
  // A day set from outside (a preset, a link) replaces what was typed and its error.
  const [committed, setCommitted] = useState(value)
  if (committed !== value) {
    setCommitted(value)
    setDraft(null)
    setOwnError(null)
  }

  const commit = () => {
    if (draft === null) return
    const day = parseDayText(draft, locale)
    if (day === null) {
      setOwnError(invalidMessage(format.pattern))
      return
    }
    setOwnError(null)
    if (day === value) {
      setDraft(null)
      return
    }
    const refused = onCommit(day)
    if (refused === null) setDraft(null)
    else setOwnError(refused)
  }

  return (
    <TextInput
      label={label}
      value={draft ?? shown}
      placeholder={format.pattern}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => {
        setDraft(event.currentTarget.value)
        setOwnError(null)
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
        if (event.key === 'Escape' && draft !== null) {
          // Back to the committed day; an Escape with nothing typed is the page's (dialogs).
          event.stopPropagation()
          setDraft(null)
          setOwnError(null)
        }
      }}
      error={ownError ?? error}
      w={w}
    />
  )
}
