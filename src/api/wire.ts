import type { components } from './schema.gen'

/**
 * What the API sends and what the app works with. Older deployments send ids and numbers as
 * strings (`"id":"1"`, `"sum":"1500.00"`), so every value the app compares or adds is made a
 * number here, once, as it arrives; nothing above `api/` sees a string id.
 */
type Schemas = components['schemas']
export type OperationTypeId = Schemas['OperationTypeId']
export type PrintStatusId = Schemas['PrintStatusId']
export type DocumentTypeId = Schemas['DocumentTypeId']
export type WireTransaction = Schemas['KkmTransaction']
export type WireLocation = Schemas['Company']

export interface KkmTransaction {
  id: number
  /** As sent: ISO 8601 or the location's wall time; read it with `parseApiDate`. */
  print_date: string
  printed_count: number
  sum: number
  type: { id: OperationTypeId; title: string }
  status: { id: PrintStatusId; title: string }
  document: { id: number; type: DocumentTypeId; type_title: string }
  cashier: { id: number; name: string }
}

export type Location = Omit<WireLocation, 'id' | 'country_id' | 'city_id'> & {
  id: number
  country_id?: number
  city_id?: number
}

/** A number sent as a number or as a numeric string; NaN for anything else. */
export function wireNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim())
  return Number.NaN
}

/** The enums arrive as numbers or strings too; an id the app does not know stays a number. */
const wireEnum = <T extends number>(value: unknown): T => wireNumber(value) as T

export function fromWireTransaction(wire: WireTransaction): KkmTransaction {
  return {
    id: wireNumber(wire.id),
    print_date: wire.print_date,
    printed_count: wireNumber(wire.printed_count),
    sum: wireNumber(wire.sum),
    type: { id: wireEnum<OperationTypeId>(wire.type.id), title: wire.type.title },
    status: { id: wireEnum<PrintStatusId>(wire.status.id), title: wire.status.title },
    document: {
      // `document_id` beside the object is what some deployments fill in instead.
      id: wireNumber(wire.document?.id ?? wire.document_id),
      type: wireEnum<DocumentTypeId>(wire.document?.type),
      type_title: wire.document?.type_title ?? '',
    },
    cashier: { id: wireNumber(wire.cashier?.id), name: wire.cashier?.name ?? '' },
  }
}

export function fromWireLocation(wire: WireLocation): Location {
  const { id, country_id, city_id, ...rest } = wire
  return {
    ...rest,
    id: wireNumber(id),
    ...(country_id === undefined ? {} : { country_id: wireNumber(country_id) }),
    ...(city_id === undefined ? {} : { city_id: wireNumber(city_id) }),
  }
}
