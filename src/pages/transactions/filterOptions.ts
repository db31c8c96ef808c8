import { MAX_BULK_ROWS } from '@/api/transactions'
import type { Messages } from '@/i18n'
import { formatCount } from '@/i18n/format'
import { labelFor } from '@/i18n/labels'
import { PAGE_SIZES } from '@/log/logParams'
import { STATUS_GROUPS } from '@/log/view'

/** A status choice's value: its ids as the URL writes them (`0,3,4`), '' for every status. */
export const statusesValue = (ids: readonly number[]) => ids.join(',')

function buildFilterOptions(t: Messages, intlLocale: string) {
  const f = t.log.filters
  const statusName = (id: number) => labelFor(t.enums.printStatus, id)
  // A group of several gets an "all of them" choice first: "all failures" is one pick.
  const allOf = { inFlight: f.allInFlight, success: null, failures: f.allFailures }
  return {
    // The API's words without its codes; the two corrections, which it titles alike, apart.
    types: [
      { value: '', label: f.allOperations },
      ...Object.entries(t.enums.operationType).map(([value, label]) => ({
        value,
        label: f.operationChoice[Number(value)] ?? label,
      })),
    ],
    statuses: [
      { value: '', label: f.allStatuses },
      ...STATUS_GROUPS.map((group) => {
        const all = allOf[group.key]
        return {
          group: f.statusGroups[group.key],
          items: [
            ...(all !== null && group.ids.length > 1
              ? [{ value: statusesValue([...group.ids].sort((a, b) => a - b)), label: all }]
              : []),
            ...group.ids.map((id) => ({ value: String(id), label: statusName(id) })),
          ],
        }
      }),
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

/**
 * The status choices for a view: a combination a link names that is no preset (`status=0,1`) is
 * shown as itself, the names joined, rather than as a blank field.
 */
export function statusChoices(
  options: FilterOptions,
  selected: readonly number[],
  t: Messages,
): FilterOptions['statuses'] | [...FilterOptions['statuses'], { value: string; label: string }] {
  const value = statusesValue(selected)
  const known = options.statuses.some((choice) =>
    'items' in choice ? choice.items.some((item) => item.value === value) : choice.value === value,
  )
  if (known) return options.statuses
  const label = selected.map((id) => labelFor(t.enums.printStatus, id)).join(', ')
  return [...options.statuses, { value, label }]
}
