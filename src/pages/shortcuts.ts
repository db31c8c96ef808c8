import { useHotkeys, type HotkeyItem } from '@mantine/hooks'
import type { ShortcutGroupView } from '@/components/KeyboardShortcutsDialog'
import type { Messages } from '@/i18n'

/**
 * The console's keyboard shortcuts: the keys (Mantine's hotkey syntax), what the help dialog says
 * about them, and `useShortcuts`, which binds them. The shell binds the ones that work everywhere,
 * the log page its own; both in normal and cashier mode.
 */
export type ShortcutId = 'find' | 'print' | 'refresh' | 'location' | 'help'

interface Shortcut {
  /** What useHotkeys matches. `?` is Shift+/ on most layouts, unshifted on a few: both. */
  hotkeys: string[]
  /** As printed on the keyboard, for the dialog. */
  keys: string[]
}

export const SHORTCUTS: Record<ShortcutId, Shortcut> = {
  find: { hotkeys: ['/'], keys: ['/'] },
  print: { hotkeys: ['p'], keys: ['P'] },
  refresh: { hotkeys: ['r'], keys: ['R'] },
  location: { hotkeys: ['l'], keys: ['L'] },
  help: { hotkeys: ['shift+?', '?'], keys: ['?'] },
}

/** What the Keyboard shortcuts dialog lists, in the language shown. */
export function shortcutGroups(t: Messages): ShortcutGroupView[] {
  const s = t.shortcuts
  const view = (id: ShortcutId) => ({ keys: SHORTCUTS[id].keys, label: s[id] })
  return [
    {
      title: s.everywhere,
      shortcuts: [view('location'), view('help'), { keys: ['Esc'], label: s.escape }],
    },
    { title: s.log, shortcuts: [view('find'), view('print'), view('refresh')] },
  ]
}

/** Inputs that take no typing: a key pressed on a switch or a radio is still a shortcut. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'])

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type)
}

/** A dialog or drawer is open: its own keys (Escape above all) are the only ones that count. */
export function isModalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null
}

/** What the character-matched bindings catch on any Latin layout: the physical key must not too. */
const MATCHED_BY_CHARACTER = /^[a-z/?]$/i
/** Hotkeys also matched by the key's place: letters, and `/` (its key types "." on a Russian layout). */
const BY_PLACE = /^([a-z]|\/)$/i

/**
 * Binds shortcuts to actions while the calling component is mounted. A shortcut does nothing while
 * the user types in a field, while a dialog is open, with a modifier (Ctrl+R stays the browser's)
 * or when the key repeats. Letters and `/` also answer on a non-Latin layout (Russian: the key
 * that types "к" is R, the one that types "." is /), by the key's place on the keyboard; on a
 * Latin layout only the character counts, so no key does two things.
 */
export function useShortcuts(actions: Partial<Record<ShortcutId, () => void>>): void {
  const items: HotkeyItem[] = []
  for (const [id, action] of Object.entries(actions) as [ShortcutId, () => void][]) {
    const run = (event: KeyboardEvent) => {
      if (event.repeat || event.defaultPrevented || isTyping(event.target) || isModalOpen()) return
      event.preventDefault()
      action()
    }
    for (const hotkey of SHORTCUTS[id].hotkeys) {
      items.push([hotkey, run, { preventDefault: false }])
      if (BY_PLACE.test(hotkey))
        items.push([
          hotkey,
          (event) => !MATCHED_BY_CHARACTER.test(event.key) && run(event),
          { preventDefault: false, usePhysicalKeys: true },
        ])
    }
  }
  // The target is checked above, with text inputs told from switches and radios.
  useHotkeys(items, [])
}
