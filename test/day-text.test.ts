import { describe, expect, it } from 'vitest'
import { formatDayText, parseDayText } from '@/components/dayText'

describe('days as typed, in Russian', () => {
  it.each([
    ['15.11.2026', '2026-11-15'],
    ['5.1.2026', '2026-01-05'],
    ['15/11/2026', '2026-11-15'],
    ['15-11-2026', '2026-11-15'],
    ['15112026', '2026-11-15'],
    ['15.11.26', '2026-11-15'],
    [' 01.12.2026 ', '2026-12-01'],
    // A day from a link is read in any language.
    ['2026-11-15', '2026-11-15'],
  ])('reads “%s” as %s', (typed, day) => {
    expect(parseDayText(typed, 'ru')).toBe(day)
  })
  it.each(['31.11.2026', '11152026', '15.13.2026', '15.11', 'вчера', '', '2026-02-30'])(
    'refuses “%s”',
    (typed) => {
      expect(parseDayText(typed, 'ru')).toBeNull()
    },
  )
  it('writes day, month, year with dots', () => {
    expect(formatDayText('2026-12-01', 'ru')).toBe('01.12.2026')
  })
})

describe('days as typed, in English', () => {
  it.each([
    ['2026-11-15', '2026-11-15'],
    ['2026/11/15', '2026-11-15'],
    ['2026-1-5', '2026-01-05'],
    ['20261115', '2026-11-15'],
  ])('reads “%s” as %s', (typed, day) => {
    expect(parseDayText(typed, 'en')).toBe(day)
  })
  it.each(['15.11.2026', '11/15/2026', '11152026', '2026-11-31', 'today'])(
    'refuses “%s”',
    (typed) => {
      expect(parseDayText(typed, 'en')).toBeNull()
    },
  )
  it('writes the URL’s own form', () => {
    expect(formatDayText('2026-12-01', 'en')).toBe('2026-12-01')
  })
})
