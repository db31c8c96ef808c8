import { describe, expect, it } from 'vitest'
import { en } from '@/i18n/messages/en'
import { ru } from '@/i18n/messages/ru'
import { plural } from '@/i18n/plural'

/** Every leaf of a catalogue by its dotted key: a string, or a function's arity. */
function leaves(node: unknown, prefix = ''): Map<string, string | number> {
  const found = new Map<string, string | number>()
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') found.set(path, value)
    else if (typeof value === 'function') found.set(path, value.length)
    else for (const [k, v] of leaves(value, path)) found.set(k, v)
  }
  return found
}

/**
 * Russian may say these exactly as English does: symbols (≥ N) and names that are not translated, and
 * the toasts' "label: message" lines, only punctuation around words translated elsewhere.
 */
const SAME_IN_BOTH = new Set([
  'common.none',
  'details.cashierValue',
  'print.printedToast',
  'print.refusedToast',
  'totals.atLeast',
])

const EN = leaves(en)
const RU = leaves(ru)

describe('the catalogues', () => {
  it('have exactly the same keys', () => {
    expect([...RU.keys()].sort()).toEqual([...EN.keys()].sort())
  })

  it('have no empty value, and functions of the same arity', () => {
    for (const [key, value] of EN) {
      const other = RU.get(key)
      if (typeof value === 'number') expect(other, key).toBe(value)
      else {
        expect(value.trim(), key).not.toBe('')
        expect(typeof other === 'string' && other.trim() !== '', key).toBe(true)
      }
    }
  })

  it('translate every string into Russian', () => {
    const untranslated = [...EN]
      .filter(([key, value]) => typeof value === 'string' && RU.get(key) === value)
      .map(([key]) => key)
      .filter((key) => !SAME_IN_BOTH.has(key))
    expect(untranslated).toEqual([])
  })

  it('translate every function into Russian (same arguments, different words)', () => {
    const functions = (
      catalogue: unknown,
      prefix = '',
    ): [string, (...args: never[]) => unknown][] =>
      Object.entries(catalogue as Record<string, unknown>).flatMap(([key, value]) => {
        const path = prefix ? `${prefix}.${key}` : key
        if (typeof value === 'function') return [[path, value as (...args: never[]) => unknown]]
        if (typeof value === 'object' && value !== null) return functions(value, path)
        return []
      })
    const russian = new Map(functions(ru))
    for (const [key, english] of functions(en)) {
      if (SAME_IN_BOTH.has(key)) continue
      // Numbers as text: every argument is interpolated, and Intl.PluralRules reads '2' as 2.
      const args = Array.from({ length: english.length }, () => '2') as never[]
      const said = String(russian.get(key)?.(...args))
      expect(said, key).not.toBe(String(english(...args)))
      expect(said, key).not.toMatch(/undefined|\[object/)
    }
  })

  it('use the Russian plural forms', () => {
    const forms = { one: 'чек', few: 'чека', many: 'чеков', other: 'чека' }
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => plural('ru', n, forms))).toEqual([
      'чек',
      'чека',
      'чеков',
      'чеков',
      'чек',
      'чека',
      'чеков',
    ])
    expect(ru.lock.idle(5, null)).toContain('5 минут.')
    expect(ru.lock.idle(1, null)).toContain('1 минуту')
    expect(en.lock.idle(1, null)).toContain('1 minute.')
  })
})
