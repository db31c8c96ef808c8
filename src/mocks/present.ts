import type { components } from '@/api/schema.gen'
import type { ServerProfile } from './scenarios'
import type { MockCompany, MockCountry, MockTransaction } from './types'

type Schemas = components['schemas']

/**
 * The mock's records as a deployment of the given profile spells them. The return types are the
 * spec's wire types, so whatever a profile produces is checked to be what the spec allows.
 */
function spell(profile: ServerProfile) {
  // Generic so that an enum id keeps its enum type when it stays a number.
  return <T extends number>(value: T): T | string =>
    profile.ids === 'strings' ? String(value) : value
}

/** `2026-11-28T15:00:00.000+03:00` → `2026-11-28 15:00:00`: the location's clock, no offset. */
function wallTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]}` : iso
}

export function presentTransaction(
  t: MockTransaction,
  profile: ServerProfile,
): Schemas['KkmTransaction'] {
  const n = spell(profile)
  // Field by field, so the mock's bookkeeping (settleAt, finalStatus) never leaves.
  return {
    id: n(t.id),
    print_date: profile.dates === 'wall' ? wallTime(t.print_date) : t.print_date,
    printed_count: n(t.printed_count),
    sum: n(t.sum),
    type: { id: n(t.type.id), title: t.type.title },
    status: { id: n(t.status.id), title: t.status.title },
    document: { id: n(t.document.id), type: n(t.document.type), type_title: t.document.type_title },
    cashier: { id: n(t.cashier.id), name: t.cashier.name },
  }
}

export function presentCompany(company: MockCompany, profile: ServerProfile): Schemas['Company'] {
  const n = spell(profile)
  const { id, country_id, city_id, timezone, ...rest } = company
  return {
    ...rest,
    id: n(id),
    ...(country_id === undefined ? {} : { country_id: n(country_id) }),
    ...(city_id === undefined ? {} : { city_id: n(city_id) }),
    timezone: n(timezone),
  }
}

export function presentCountry(country: MockCountry, profile: ServerProfile): Schemas['Country'] {
  const n = spell(profile)
  const { id, exchange, lang_id, group_type, ...rest } = country
  return {
    ...rest,
    id: n(id),
    ...(exchange === undefined ? {} : { exchange: n(exchange) }),
    ...(lang_id === undefined ? {} : { lang_id: n(lang_id) }),
    ...(group_type === undefined ? {} : { group_type: n(group_type) }),
  }
}

export function presentCount(count: number, profile: ServerProfile): Schemas['CountMeta'] {
  return { count: spell(profile)(count) }
}

export function presentPrintResult(
  result: {
    kkmType: number
    status: number
    transactions: MockTransaction[]
    billJson: Record<string, unknown>[]
  },
  profile: ServerProfile,
): Schemas['PrintBillResult'] {
  const n = spell(profile)
  return {
    kkm_type: n(result.kkmType),
    kkm_transactions: result.transactions.map((t) => presentTransaction(t, profile)),
    status: n(result.status),
    bill_json: result.billJson,
  }
}
