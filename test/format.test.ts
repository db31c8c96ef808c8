import { describe, expect, it, vi } from 'vitest'
import type { KkmTransaction } from '@/api/transactions'
import { parseApiDate } from '@/domain/apiDate'
import {
  countryName,
  dayInZone,
  formatDateTime,
  formatDay,
  formatMoney,
  formatPercent,
  formatTimeZoneName,
  formatVatTitle,
  locationTimeZone,
} from '@/i18n/format'
import { deriveShift } from '@/log/shift'

describe('money in the location’s currency', () => {
  it('formats the symbols locations send', () => {
    expect(formatMoney(1234.5, '₽')).toBe('₽1,234.50')
    expect(formatMoney(99, '€')).toBe('€99.00')
    expect(formatMoney(10, 'USD')).toBe('$10.00')
    expect(formatMoney(7000, '₸')).toBe('₸7,000.00')
  })
  it('keeps an unknown currency as the API sent it', () => {
    expect(formatMoney(5, 'pts')).toBe('5.00 pts')
    expect(formatMoney(5, undefined)).toBe('5.00')
  })
})

describe('times in the location’s zone', () => {
  it('prefers the IANA name and falls back to the hours offset', () => {
    expect(locationTimeZone({ timezone_name: 'Asia/Yekaterinburg', timezone: 5 })).toBe(
      'Asia/Yekaterinburg',
    )
    expect(locationTimeZone({ timezone_name: 'Not/AZone', timezone: 3 })).toBe('Etc/GMT-3')
    expect(locationTimeZone({ timezone: -5 })).toBe('Etc/GMT+5')
    expect(locationTimeZone(undefined)).toBe('UTC')
  })
  it('tries a zone’s name once, however many times a page asks (a tablet pays ~10 ms a try)', () => {
    const built = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      for (let ask = 0; ask < 3; ask++) {
        expect(locationTimeZone({ timezone_name: 'Asia/Magadan' })).toBe('Asia/Magadan')
        expect(locationTimeZone({ timezone_name: 'Not/Magadan', timezone: 11 })).toBe('Etc/GMT-11')
      }
      expect(built).toHaveBeenCalledTimes(2)
    } finally {
      built.mockRestore()
    }
  })
  it('shows an ISO instant in the location’s zone, not the browser’s', () => {
    const date = parseApiDate('2026-09-21T23:00:00.000-05:00', 'Europe/Moscow')
    expect(date?.toISOString()).toBe('2026-09-22T04:00:00.000Z')
    expect(formatDateTime(date as Date, 'Europe/Moscow')).toBe('22/09/2026, 07:00:00')
    expect(formatDateTime(date as Date, 'America/New_York')).toBe('22/09/2026, 00:00:00')
  })
  it('reads the old format as wall-clock time at the location', () => {
    const date = parseApiDate('2018-06-26 01:10:19', 'Asia/Yekaterinburg')
    expect(date?.toISOString()).toBe('2018-06-25T20:10:19.000Z')
    expect(formatDateTime(date as Date, 'Asia/Yekaterinburg')).toBe('26/06/2018, 01:10:19')
  })
  it('knows that "today" depends on the zone', () => {
    const instant = new Date('2026-11-28T22:30:00Z')
    expect(dayInZone(instant, 'UTC')).toBe('2026-11-28')
    expect(dayInZone(instant, 'Asia/Novosibirsk')).toBe('2026-11-29')
  })
  it('places wall time on either side of a daylight-saving change', () => {
    // Paris leaves summer time at 03:00 on 25 October 2026: 01:30 is +02:00, 12:00 is +01:00.
    expect(parseApiDate('2026-10-25 01:30:00', 'Europe/Paris')?.toISOString()).toBe(
      '2026-10-24T23:30:00.000Z',
    )
    expect(parseApiDate('2026-10-25 12:00:00', 'Europe/Paris')?.toISOString()).toBe(
      '2026-10-25T11:00:00.000Z',
    )
  })
  it('rejects garbage', () => {
    expect(parseApiDate('yesterday', 'UTC')).toBeNull()
    expect(parseApiDate('2026-11-28 15:00:00 tomorrow', 'UTC')).toBeNull()
  })
})

describe('shift state', () => {
  const event = (type: 4 | 5, at: string): KkmTransaction => ({
    id: 1,
    print_date: at,
    printed_count: 1,
    sum: 0,
    type: { id: type, title: '' },
    status: { id: 1, title: '' },
    document: { id: 1, type: 2, type_title: '' },
    cashier: { id: 1, name: '' },
  })
  const now = Date.parse('2026-11-28T12:00:00Z')
  it('is open when the last opening is newer than the last closing', () => {
    expect(
      deriveShift(
        {
          opening: event(4, '2026-11-28T09:00:00+03:00'),
          closing: event(5, '2026-11-27T21:00:00+03:00'),
        },
        'Europe/Moscow',
        now,
      ),
    ).toEqual({
      state: 'open',
      since: '28/11/2026, 09:00:00',
      duration: '6 h 0 min',
      overdue: false,
    })
  })
  it('warns after 24 hours open', () => {
    expect(
      deriveShift(
        { opening: event(4, '2026-11-27T06:00:00+03:00'), closing: null },
        'Europe/Moscow',
        now,
      ),
    ).toMatchObject({ state: 'open', overdue: true, duration: '1 d 9 h' })
  })
  it('is closed after a closing, or with no opening at all', () => {
    expect(
      deriveShift(
        {
          opening: event(4, '2026-11-27T09:00:00+03:00'),
          closing: event(5, '2026-11-27T21:00:00+03:00'),
        },
        'Europe/Moscow',
        now,
      ),
    ).toEqual({ state: 'closed', since: '27/11/2026, 21:00:00' })
    expect(deriveShift({ opening: null, closing: null }, 'UTC', now)).toEqual({
      state: 'closed',
      since: null,
    })
  })
})

describe('calendar days in the locale', () => {
  it('writes a day as the language does, whatever the browser’s zone', () => {
    expect(formatDay('2026-11-01', 'en-GB')).toBe('1 Nov 2026')
    expect(formatDay('2026-11-01', 'ru-RU')).toBe('1 нояб. 2026 г.')
    expect(formatDay('not-a-day', 'ru-RU')).toBe('not-a-day')
  })
})

/** Intl separates a Russian number from its % sign with a no-break space: compare on plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ')

describe('zones by their names, not their IANA ids', () => {
  it('names a zone in the language shown', () => {
    expect(formatTimeZoneName('Europe/Moscow', 'en-GB')).toBe('Moscow Standard Time')
    expect(formatTimeZoneName('Europe/Moscow', 'ru-RU')).toBe('Москва, стандартное время')
    expect(formatTimeZoneName('Asia/Almaty', 'ru-RU')).toBe('Казахстан')
  })
  it('does not flip between summer and winter names with the date', () => {
    expect(formatTimeZoneName('Europe/Paris', 'en-GB')).toBe('Central European Time')
    expect(formatTimeZoneName('Europe/Riga', 'ru-RU')).toBe('Восточная Европа')
  })
  it('names UTC in words, and an offset zone by its offset', () => {
    expect(formatTimeZoneName('UTC', 'en-GB')).toBe('Coordinated Universal Time')
    expect(formatTimeZoneName('UTC', 'ru-RU')).toBe('Всемирное координированное время')
    expect(formatTimeZoneName('Etc/GMT-3', 'en-GB')).toBe('GMT+03:00')
  })
})

describe('percentages and VAT rates in the locale', () => {
  it('writes a percentage as the language does', () => {
    expect(formatPercent(5.5, 'en-GB')).toBe('5.5%')
    expect(plain(formatPercent(5.5, 'ru-RU'))).toBe('5,5 %')
    expect(plain(formatPercent(20, 'ru-RU'))).toBe('20 %')
  })
  it('rewrites a VAT title only when it is a bare rate', () => {
    expect(plain(formatVatTitle('5.5%', 'ru-RU'))).toBe('5,5 %')
    expect(plain(formatVatTitle('12 %', 'ru-RU'))).toBe('12 %')
    expect(formatVatTitle('10%', 'en-GB')).toBe('10%')
    expect(formatVatTitle('Without VAT', 'ru-RU')).toBe('Without VAT')
    expect(formatVatTitle('VAT 20%', 'ru-RU')).toBe('VAT 20%')
  })
})

describe('country names in the language shown', () => {
  it('names a country from its ISO code', () => {
    expect(countryName({ title: 'Russia', iso_code: 'RU' }, 'ru-RU')).toBe('Россия')
    expect(countryName({ title: 'France', iso_code: 'FR' }, 'ru-RU')).toBe('Франция')
    expect(countryName({ title: 'USA', iso_code: 'US' }, 'en-GB')).toBe('United States')
  })
  it('keeps the API’s title without a code, or with one Intl does not know', () => {
    expect(countryName({ title: 'Россия' }, 'en-GB')).toBe('Россия')
    expect(countryName({ title: 'Atlantis', iso_code: 'QQ' }, 'ru-RU')).toBe('Atlantis')
    expect(countryName({ title: 'Nowhere', iso_code: 'not a code' }, 'ru-RU')).toBe('Nowhere')
  })
})
