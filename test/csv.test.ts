import { describe, expect, it } from 'vitest'
import type { KkmTransaction } from '@/api/transactions'
import { en } from '@/i18n/messages/en'
import { ru } from '@/i18n/messages/ru'
import { csvCell, csvDialect, csvMoney, neutralizeFormula, toCsv } from '@/log/csv'
import { locationFormat } from '@/log/view'

const MOSCOW = {
  id: 1,
  title: 'Beauty Lab',
  timezone_name: 'Europe/Moscow',
  currency_short_title: '₽',
}

function tx(overrides: Partial<KkmTransaction> = {}): KkmTransaction {
  return {
    id: 1001,
    // 07:05:09 UTC is 10:05:09 in Moscow.
    print_date: '2026-11-28T07:05:09Z',
    printed_count: 1,
    sum: 1234.5,
    type: { id: 0, title: 'Sale' },
    status: { id: 1, title: 'Successfully' },
    document: { id: 555, type: 7, type_title: 'Visit' },
    cashier: { id: 42, name: 'Anna' },
    ...overrides,
  }
}

describe('csvDialect', () => {
  it('Russian: semicolons and a decimal comma; English: commas and a decimal point', () => {
    expect(csvDialect('ru-RU')).toEqual({ separator: ';', decimal: ',' })
    expect(csvDialect('en-GB')).toEqual({ separator: ',', decimal: '.' })
  })
})

describe('cells', () => {
  it('quotes per RFC 4180 only what needs it, doubling quotes', () => {
    expect(csvCell('plain', ',')).toBe('plain')
    expect(csvCell('a,b', ',')).toBe('"a,b"')
    expect(csvCell('a,b', ';')).toBe('a,b')
    expect(csvCell('a;b', ';')).toBe('"a;b"')
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines', ';')).toBe('"two\nlines"')
  })

  it('neutralises formulas in API strings', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    expect(neutralizeFormula('+7 900')).toBe("'+7 900")
    expect(neutralizeFormula('-1')).toBe("'-1")
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutralizeFormula('Anna')).toBe('Anna')
  })

  it('money is a bare number with two decimals in the dialect’s mark', () => {
    expect(csvMoney(1234.5, ',')).toBe('1234,50')
    expect(csvMoney(1234.5, '.')).toBe('1234.50')
    expect(csvMoney(-20, ',')).toBe('-20,00')
    expect(csvMoney(1_000_000, '.')).toBe('1000000.00')
    expect(csvMoney(Number.NaN, '.')).toBe('')
  })
})

describe('toCsv', () => {
  it('Russian: BOM, header in Russian, codes beside names, wall time in the location’s zone', () => {
    const csv = toCsv([tx(), tx({ id: 1002, sum: 300, type: { id: 1, title: 'Return' } })], {
      location: MOSCOW,
      format: locationFormat(MOSCOW, { t: ru, intlLocale: 'ru-RU' }),
      dialect: csvDialect('ru-RU'),
      t: ru,
    })
    expect(csv.startsWith('\ufeff')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'ID транзакции;Время печати (Europe/Moscow);Код операции;Операция;ID документа;Код типа документа;Тип документа;Сумма;Валюта;Код статуса;Статус;ID кассира;Кассир;Напечатано копий;ID филиала;Филиал',
      '1001;2026-11-28 10:05:09;0;Продажа;555;7;Визит;1234,50;RUB;1;Успешно;42;Anna;1;1;Beauty Lab',
      '1002;2026-11-28 10:05:09;1;Возврат продажи;555;7;Визит;300,00;RUB;1;Успешно;42;Anna;1;1;Beauty Lab',
      '',
    ])
  })

  it('English: commas, a decimal point; hostile and quoted API strings stay text in one cell', () => {
    const csv = toCsv(
      [
        tx({
          // A wall time without an offset: the location's own clock.
          print_date: '2026-11-28 23:59:01',
          sum: 99.99,
          cashier: { id: 7, name: '=cmd|"/c calc"!A1' },
        }),
      ],
      {
        location: { id: 3, title: 'Barbershop "Brooklyn", Almaty' },
        format: locationFormat(MOSCOW),
        dialect: csvDialect('en-GB'),
        t: en,
      },
    )
    expect(csv.slice(1).split('\r\n')[1]).toBe(
      '1001,2026-11-28 23:59:01,0,Sale,555,7,Visit,99.99,RUB,1,Success,7,"\'=cmd|""/c calc""!A1",1,3,"Barbershop ""Brooklyn"", Almaty"',
    )
  })
})
