/** Which rows the log shows for a view, from what has been read: a server page or the whole range. */
import type { KkmTransaction, TransactionPage } from '@/api/transactions'
import { filtersLocally, type LogView } from './logParams'
import { narrowTransactions, sortTransactions } from './view'

export interface ShownLog {
  /** This page's rows, in the view's order. */
  transactions: KkmTransaction[]
  /** Rows matching the view: exactly when `exact`, otherwise at least this many. */
  total: number
  exact: boolean
  pageCount: number
  /** The sort ran over every page (the whole range was at hand), not within this one. */
  sortedAcrossPages: boolean
  /** The search or statuses ran over only this many rows: the range held more than is read. */
  searchedOnly: number | null
}

type RowsView = Pick<LogView, 'statuses' | 'search' | 'sort' | 'page' | 'pageSize'>

/**
 * `read` is what the log's query holds: the whole range when `readsWhole` (every row, the
 * statuses and the search need it), otherwise one server page. `whole` is the whole range when
 * it is in the cache anyway (a page cut out of it): used only when it agrees with the page's
 * count, so a page read fresher than it never shows older rows.
 */
export function shownLog(
  view: RowsView,
  read: TransactionPage,
  readsWhole: boolean,
  whole: TransactionPage | undefined,
  timeZone: string,
): ShownLog {
  const size = view.pageSize
  const everything = readsWhole
    ? read
    : whole &&
        whole.exact &&
        whole.transactions.length === whole.total &&
        whole.total === read.total
      ? whole
      : null
  if (everything === null) {
    return {
      transactions: sortTransactions(read.transactions, view.sort, timeZone),
      total: read.total,
      exact: read.exact,
      pageCount: size === 'all' ? 1 : Math.max(1, Math.ceil(read.total / size)),
      sortedAcrossPages: false,
      searchedOnly: null,
    }
  }
  const local = filtersLocally(view)
  const matching = local
    ? narrowTransactions(everything.transactions, view)
    : everything.transactions
  const sorted = sortTransactions(matching, view.sort, timeZone)
  const truncated = everything.transactions.length < everything.total
  const total = local ? matching.length : everything.total
  return {
    transactions: size === 'all' ? sorted : sorted.slice((view.page - 1) * size, view.page * size),
    total,
    exact: local ? !truncated : everything.exact,
    pageCount: size === 'all' ? 1 : Math.max(1, Math.ceil(matching.length / size)),
    sortedAcrossPages: true,
    searchedOnly: local && truncated ? everything.transactions.length : null,
  }
}
