import type { DocumentTypeId, OperationTypeId, PrintStatusId } from '@/api/wire'
import type { MockCompany, MockCountry, MockTaxSystem, MockTransaction } from './types'

export type { MockCompany, MockCountry, MockTaxSystem, MockTransaction } from './types'

export interface MockUser {
  id: number
  name: string
  userToken: string
  login: string
  phone: string
  email: string
  password: string
  /** Locations this user may manage; any other location id answers 403. */
  locationIds: number[]
}

/** Tokens and accounts of the embedded API, documented in the README. */
export const DEMO = {
  partnerToken: 'demo-partner-token',
  userToken: 'demo-user-token',
  cashierToken: 'demo-cashier-token',
  login: '+13155550175',
  email: 'manager@example.com',
  password: 'demo-password',
  /** A location large enough for the 10,000-row case. */
  bigLocationId: 4,
} as const

export const OPERATION_TITLES: Record<OperationTypeId, string> = {
  0: 'Sale operation',
  1: 'Sale return operation',
  2: 'Correction operation',
  4: 'Shift opening',
  5: 'Shift closing',
  6: 'Cash deposit',
  7: 'Cash withdrawal',
  9: 'Get POS status',
  11: 'Get POS team status',
  12: 'Correction operation',
  13: 'Print X-report',
}

export const STATUS_TITLES: Record<PrintStatusId, string> = {
  0: 'Connection error with the cash register',
  1: 'Successfully',
  2: 'Sent for printing',
  3: 'Runtime error',
  4: 'Status check error',
  5: 'Waiting for the cash register to be ready',
}

export const DOCUMENT_TITLES: Record<DocumentTypeId, string> = {
  1: 'Sale of products',
  2: 'Provision of services',
  3: 'Arrival of products',
  4: 'Products write-off',
  5: 'Transfer of products',
  6: 'Inventory',
  7: 'Visit',
  8: 'Consumables write-off',
  9: 'Deposit replenishment',
}

const NONE_VAT = { title: 'is not a subject to a tax', slug: 'ru_vat_none' }

/** Country 1 holds exactly the six systems of the documentation's example. */
const RUSSIA_TAX_SYSTEMS: MockTaxSystem[] = [
  {
    title: 'General DOS',
    slug: 'ru_osn',
    vats: [
      { title: '0%', slug: 'ru_vat_0' },
      { title: '10%', slug: 'ru_vat_10' },
      { title: '20%', slug: 'ru_vat_20' },
      NONE_VAT,
    ],
  },
  { title: 'Simplified simplified tax system (Income)', slug: 'ru_usn', vats: [NONE_VAT] },
  {
    title: 'Simplified simplified tax system (Income minus Expense)',
    slug: 'ru_usnr',
    vats: [NONE_VAT],
  },
  { title: 'Single tax on imputed income UTII', slug: 'ru_envd', vats: [NONE_VAT] },
  { title: 'Unified agricultural tax UST', slug: 'ru_esn', vats: [NONE_VAT] },
  { title: 'Patent taxation system', slug: 'ru_psn', vats: [NONE_VAT] },
]

const COUNTRIES: MockCountry[] = [
  {
    id: 1,
    title: 'Russia',
    full_title: 'Russian Federation',
    iso_code: 'RU',
    phone_code: '7',
    phone_template: '+7 ### ###-##-##',
    phone_example: '+7 912 345-67-89',
    currency: 'RUB',
    exchange: 1,
    lang_id: 1,
    group_type: 1,
    is_eu: false,
  },
  {
    id: 7,
    title: 'USA',
    full_title: 'United States of America',
    iso_code: 'US',
    phone_code: '1',
    phone_template: '+1 ###-###-####',
    phone_example: '+1 315-555-0175',
    currency: 'USD',
    exchange: 1,
    lang_id: 2,
    group_type: 2,
    is_eu: false,
  },
  {
    id: 56,
    title: 'France',
    full_title: 'French Republic',
    iso_code: 'FR',
    phone_code: '33',
    phone_template: '+33 # ## ## ## ##',
    phone_example: '+33 1 23 45 67 89',
    currency: 'EUR',
    exchange: 1,
    lang_id: 2,
    group_type: 2,
    is_eu: true,
  },
  {
    id: 3,
    title: 'Kazakhstan',
    full_title: 'Republic of Kazakhstan',
    iso_code: 'KZ',
    phone_code: '7',
    phone_template: '+7 ### ###-##-##',
    phone_example: '+7 701 234-56-78',
    currency: 'KZT',
    exchange: 1,
    lang_id: 1,
    group_type: 1,
    is_eu: false,
  },
  {
    id: 2,
    title: 'Ukraine',
    full_title: 'Ukraine',
    iso_code: 'UA',
    phone_code: '380',
    phone_template: '+380 ## ###-##-##',
    phone_example: '+380 44 123-45-67',
    currency: 'UAH',
    exchange: 1,
    lang_id: 1,
    group_type: 1,
    is_eu: false,
  },
  {
    id: 40,
    title: 'Latvia',
    full_title: 'Republic of Latvia',
    iso_code: 'LV',
    phone_code: '371',
    phone_template: '+371 #### ####',
    phone_example: '+371 2123 4567',
    currency: 'EUR',
    exchange: 1,
    lang_id: 2,
    group_type: 2,
    is_eu: true,
  },
]

/** Country 7 (USA) has no fiscal tax systems: the empty case. */
const TAX_SYSTEMS: Record<number, MockTaxSystem[]> = {
  1: RUSSIA_TAX_SYSTEMS,
  7: [],
  3: [
    {
      title: 'General regime',
      slug: 'kz_general',
      vats: [
        { title: '0%', slug: 'kz_vat_0' },
        { title: '12%', slug: 'kz_vat_12' },
        { title: 'Without VAT', slug: 'kz_vat_none' },
      ],
    },
    {
      title: 'Simplified declaration',
      slug: 'kz_simplified',
      vats: [{ title: 'Without VAT', slug: 'kz_vat_none' }],
    },
  ],
  56: [
    {
      title: 'Régime réel normal',
      slug: 'fr_reel',
      vats: [
        { title: '5.5%', slug: 'fr_vat_5_5' },
        { title: '10%', slug: 'fr_vat_10' },
        { title: '20%', slug: 'fr_vat_20' },
      ],
    },
    {
      title: 'Micro-entreprise (franchise en base)',
      slug: 'fr_micro',
      vats: [{ title: 'TVA non applicable, art. 293 B du CGI', slug: 'fr_vat_none' }],
    },
  ],
  2: [
    {
      title: 'General system',
      slug: 'ua_general',
      vats: [
        { title: '0%', slug: 'ua_vat_0' },
        { title: '7%', slug: 'ua_vat_7' },
        { title: '20%', slug: 'ua_vat_20' },
      ],
    },
    {
      title: 'Single tax, group 3',
      slug: 'ua_single_3',
      vats: [{ title: 'Without VAT', slug: 'ua_vat_none' }],
    },
  ],
  40: [
    {
      title: 'Standard regime',
      slug: 'lv_standard',
      vats: [
        { title: '12%', slug: 'lv_vat_12' },
        { title: '21%', slug: 'lv_vat_21' },
      ],
    },
  ],
}

const COMPANIES: MockCompany[] = [
  {
    id: 1,
    title: 'Beauty Lab on Tverskaya',
    public_title: 'Beauty Lab',
    country_id: 1,
    country: 'Russia',
    city_id: 2,
    city: 'Moscow',
    timezone: 3,
    timezone_name: 'Europe/Moscow',
    address: 'Tverskaya St, 12',
    phone: '+7 495 123-45-67',
    currency_short_title: '₽',
    active: true,
  },
  {
    id: 2,
    title: 'Smile Dental Clinic',
    public_title: 'Smile Dental',
    country_id: 1,
    country: 'Russia',
    city_id: 4,
    city: 'Yekaterinburg',
    timezone: 5,
    timezone_name: 'Asia/Yekaterinburg',
    address: 'Lenina Ave, 50',
    phone: '+7 343 765-43-21',
    currency_short_title: '₽',
    active: true,
  },
  {
    id: 3,
    title:
      'Barbershop "Brooklyn" — Almaty, Dostyk Avenue, second floor, entrance from the courtyard',
    public_title: 'Brooklyn Barbers',
    country_id: 3,
    country: 'Kazakhstan',
    city_id: 9,
    city: 'Almaty',
    timezone: 5,
    timezone_name: 'Asia/Almaty',
    address: 'Dostyk Ave, 97',
    phone: '+7 727 300-00-00',
    currency_short_title: '₸',
    active: true,
  },
  {
    id: 4,
    title: 'Wellness Spa Network HQ',
    public_title: 'Wellness Spa',
    country_id: 1,
    country: 'Russia',
    city_id: 5,
    city: 'Novosibirsk',
    timezone: 7,
    timezone_name: 'Asia/Novosibirsk',
    address: 'Krasny Ave, 1',
    phone: '+7 383 200-00-00',
    currency_short_title: '₽',
    active: true,
  },
  {
    id: 5,
    title: 'Nail Studio Paris',
    public_title: 'Nail Studio',
    country_id: 56,
    country: 'France',
    city_id: 11,
    city: 'Paris',
    timezone: 1,
    timezone_name: 'Europe/Paris',
    address: '12 Rue de Rivoli',
    phone: '+33 1 23 45 67 89',
    currency_short_title: '€',
    active: true,
  },
]

const CASHIERS = [
  { id: 1138453, name: 'Jack Smith' },
  { id: 1138454, name: 'Anna Petrova' },
  { id: 1138455, name: 'Ivan Sidorov' },
  { id: 1138456, name: 'Maria-Antonietta Konstantinopolskaya-Rimskaya' },
]
const HOSTILE_CASHIER = { id: 1138457, name: '<img src=x onerror=alert(1)> Mallory' }

/** Deterministic, so tests and screenshots see the same data every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Formats an instant as ISO 8601 with the location's fixed offset, as the API does. */
export function isoInZone(epochMs: number, offsetHours: number): string {
  const shifted = new Date(epochMs + offsetHours * 3_600_000)
  const sign = offsetHours < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offsetHours))).padStart(2, '0')
  return `${shifted.toISOString().slice(0, 23)}${sign}${hours}:00`
}

const SALE_DOCUMENT_TYPES: DocumentTypeId[] = [7, 7, 7, 9, 1, 2]
const WEIGHTED_STATUSES: PrintStatusId[] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 3, 4, 2, 5]

interface Seeded {
  nextTransactionId: number
  nextDocumentId: number
  transactions: Map<number, MockTransaction[]>
}

/** A day of one location: a shift opens, sales and returns, cash moves, the shift closes (except today). */
function seedLocation(company: MockCompany, count: number, now: number, seeded: Seeded): void {
  const rand = random(company.id * 7919)
  const offset = Number(company.timezone ?? 0)
  const rows: MockTransaction[] = []
  const days = 30
  const perDay = Math.max(4, Math.round(count / days))
  const dayMs = 86_400_000
  const todayStartLocal =
    Math.floor((now + offset * 3_600_000) / dayMs) * dayMs - offset * 3_600_000
  const add = (
    at: number,
    typeId: OperationTypeId,
    statusId: PrintStatusId,
    documentType: DocumentTypeId,
    sum: number,
    documentId: number,
  ) => {
    rows.push({
      id: seeded.nextTransactionId++,
      print_date: isoInZone(at, offset),
      printed_count: statusId === 1 ? 1 : 0,
      sum,
      type: { id: typeId, title: OPERATION_TITLES[typeId] },
      status: { id: statusId, title: STATUS_TITLES[statusId] },
      document: { id: documentId, type: documentType, type_title: DOCUMENT_TITLES[documentType] },
      // The hostile name is rare, as it would be: enough to prove it renders as text.
      cashier: rand() < 0.03 ? HOSTILE_CASHIER : pick(rand, CASHIERS),
    })
  }
  for (let day = days - 1; day >= 0; day--) {
    const dayStart = todayStartLocal - day * dayMs
    const opening = dayStart + 9 * 3_600_000
    const closing = dayStart + 21 * 3_600_000
    const lastMoment = day === 0 ? Math.min(now, closing) : closing
    if (lastMoment <= opening) continue
    add(opening, 4, 1, 2, 0, seeded.nextDocumentId++)
    const span = lastMoment - opening
    const sales =
      day === 0 ? Math.max(3, Math.round((perDay * span) / (closing - opening))) : perDay
    const times = Array.from(
      { length: sales },
      () => opening + 60_000 + Math.floor(rand() * (span - 120_000)),
    ).sort((a, b) => a - b)
    for (const at of times) {
      const roll = rand()
      const documentId = seeded.nextDocumentId++
      const documentType = pick(rand, SALE_DOCUMENT_TYPES)
      const sum = Math.round((300 + rand() * 9700) * 100) / 100
      // In-flight statuses only for today's latest receipts; older ones have settled.
      const status = pick(rand, WEIGHTED_STATUSES)
      const settled: PrintStatusId = day === 0 || (status !== 2 && status !== 5) ? status : 1
      if (roll < 0.82) add(at, 0, settled, documentType, sum, documentId)
      else if (roll < 0.9) {
        add(at, 0, 1, documentType, sum, documentId)
        add(at + 600_000, 1, settled, documentType, sum, documentId)
      } else if (roll < 0.95)
        add(at, pick(rand, [6, 7] as const), 1, 2, Math.round(rand() * 50) * 100, documentId)
      else add(at, pick(rand, [9, 13, 2] as const), settled, 2, 0, documentId)
    }
    if (day !== 0) add(closing, 5, 1, 2, 0, seeded.nextDocumentId++)
  }
  // The log lists the newest first.
  rows.sort((a, b) => Date.parse(b.print_date) - Date.parse(a.print_date) || b.id - a.id)
  seeded.transactions.set(company.id, rows)
}

export interface MockDatabase {
  partnerTokens: Set<string>
  users: MockUser[]
  countries: MockCountry[]
  taxSystems: Record<number, MockTaxSystem[]>
  companies: MockCompany[]
  transactions: Map<number, MockTransaction[]>
  nextTransactionId: number
  nextDocumentId: number
  /** Fiscalization requests awaiting a callback: uuid → transaction id. */
  pendingCallbacks: Map<string, { locationId: number; transactionId: number }>
}

/** Builds a fresh database; `now` fixes "today" for tests. */
export function createDatabase(now = Date.now()): MockDatabase {
  const seeded: Seeded = {
    nextTransactionId: 50_001,
    nextDocumentId: 10_001,
    transactions: new Map(),
  }
  const sizes: Record<number, number> = { 1: 320, 2: 240, 3: 120, 4: 10_500, 5: 0 }
  for (const company of COMPANIES) seedLocation(company, sizes[company.id] ?? 100, now, seeded)
  // Nail Studio Paris (5) opened its register today: an empty log.
  seeded.transactions.set(5, [])
  return {
    partnerTokens: new Set([DEMO.partnerToken]),
    users: [
      {
        id: 1,
        name: 'Helen Manager',
        userToken: DEMO.userToken,
        login: DEMO.login,
        phone: DEMO.login,
        email: DEMO.email,
        password: DEMO.password,
        locationIds: [1, 2, 3, 4, 5],
      },
      {
        id: 2,
        name: 'Jack Smith',
        userToken: DEMO.cashierToken,
        login: '+79120000001',
        phone: '+79120000001',
        email: 'cashier@example.com',
        password: 'cashier-password',
        locationIds: [1],
      },
    ],
    countries: structuredClone(COUNTRIES),
    taxSystems: structuredClone(TAX_SYSTEMS),
    companies: structuredClone(COMPANIES),
    transactions: seeded.transactions,
    nextTransactionId: seeded.nextTransactionId,
    nextDocumentId: seeded.nextDocumentId,
    pendingCallbacks: new Map(),
  }
}

/** The one database the handlers serve; tests reset it between cases. */
export let db: MockDatabase = createDatabase()

export function resetDatabase(now = Date.now()): MockDatabase {
  db = createDatabase(now)
  return db
}
