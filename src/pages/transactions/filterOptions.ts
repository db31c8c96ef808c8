import { MAX_BULK_ROWS } from '@/api/transactions'
import type { Messages } from '@/i18n'
import { formatCount } from '@/i18n/format'
import { PAGE_SIZES } from '@/log/logParams'

function buildFilterOptions(t: Messages, intlLocale: string) {
  const f = t.log.filters
  return {
    types: [
      { value: '', label: f.allOperations },
      ...Object.entries(t.enums.operationType).map(([value, label]) => ({
        value,
        label: `${label} (${value})`,
      })),
    ],
    statuses: [
      { value: '', label: f.allStatuses },
      ...Object.entries(t.enums.printStatus).map(([value, label]) => ({ value, label })),
    ],
    sizes: [
      ...PAGE_SIZES.map((size) => ({ value: String(size), label: f.perPage(size) })),
      { value: 'all', label: f.all(formatCount(MAX_BULK_ROWS, intlLocale)) },
    ],
  }
}

export type FilterOptions = ReturnType<typeof buildFilterOptions>

/** The filters' choices in the language shown: built once per catalogue, not per render. */
const optionsByCatalogue = new WeakMap<Messages, FilterOptions>()

export function filterOptionsFor(t: Messages, intlLocale: string): FilterOptions {
  let options = optionsByCatalogue.get(t)
  if (!options) optionsByCatalogue.set(t, (options = buildFilterOptions(t, intlLocale)))
  return options
}
