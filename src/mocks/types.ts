import type { components } from '@/api/schema.gen'
import type { KkmTransaction, Location, PrintStatusId } from '@/api/wire'

/**
 * The mock's own records: numbers as numbers and dates as ISO 8601 with the location's offset,
 * as the app holds them after `fromWire*`. How a deployment spells them on the wire (strings,
 * wall time) is the presenter's business (present.ts), decided at the moment of answering.
 */
type Country = components['schemas']['Country']

export type MockTaxSystem = components['schemas']['TaxSystem']

export type MockCountry = Omit<Country, 'id' | 'exchange' | 'lang_id' | 'group_type'> & {
  id: number
  exchange?: number
  lang_id?: number
  group_type?: number
}

/** `timezone` required: the seed and the print handler compute local days and times from it. */
export type MockCompany = Location & { timezone: number }

export type MockTransaction = KkmTransaction & {
  /** A receipt "sent for printing" settles at this instant (epoch ms) to `finalStatus`. */
  settleAt?: number
  finalStatus?: PrintStatusId
}
