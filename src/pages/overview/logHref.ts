import type { OperationTypeId, PrintStatusId } from '@/api/transactions'
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  PAGE_SIZES,
  writeLogParams,
  type LogView,
  type PageSize,
} from '@/log/logParams'
import { paths } from '@/paths'

export interface LogFilter {
  startDate: string
  endDate: string
  type?: OperationTypeId | null
  status?: PrintStatusId | null
  transactionId?: number | null
  /**
   * How many transactions the filter finds, when known: the link then asks for a page size that
   * shows them all, whatever size the reader remembers. Unknown, it leaves the size to the reader.
   */
  expected?: number
}

/** The smallest of the log's page sizes, from the default up, that shows `count` rows on one page. */
function pageSizeFor(count: number): PageSize {
  if (typeof DEFAULT_PAGE_SIZE === 'number' && count <= DEFAULT_PAGE_SIZE) return DEFAULT_PAGE_SIZE
  return PAGE_SIZES.find((size) => size >= count) ?? 'all'
}

/**
 * A link into a location's log, in the log's own URL format (src/log/logParams.ts). Dates are always
 * written out (no "today" default is passed): a figure counts one day, and its link keeps showing
 * that day when followed after midnight or shared.
 */
export function logHref(locationId: number, filter: LogFilter): string {
  const view: LogView = {
    startDate: filter.startDate,
    endDate: filter.endDate,
    type: filter.type ?? null,
    statuses: filter.status == null ? [] : [filter.status],
    search: '',
    page: 1,
    pageSize: filter.expected === undefined ? DEFAULT_PAGE_SIZE : pageSizeFor(filter.expected),
    sort: DEFAULT_SORT,
    transactionId: filter.transactionId ?? null,
  }
  const implicitPageSize = filter.expected === undefined ? view.pageSize : null
  return paths.log(locationId, writeLogParams(view, '', implicitPageSize))
}
