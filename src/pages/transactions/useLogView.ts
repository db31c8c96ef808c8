import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { useI18n } from '@/i18n'
import { parseLogParams, writeLogParams, type LogView, type PageSize } from '@/log/logParams'
import { usePreference } from '@/preferences/store'

/**
 * What the URL asks the log to show (the view, and notes on what it could not read), and the ways
 * to change it: every change is a new URL, so a reload or a shared link shows the same log.
 */
export function useLogView(today: string) {
  const { t } = useI18n()
  const [searchParams, setSearchParams] = useSearchParams()
  // The link's `size` wins; without one, the page size this browser last chose.
  const [rememberedPageSize, setRememberedPageSize] = usePreference('pageSize')
  const { view, notes } = useMemo(
    () => parseLogParams(searchParams, today, rememberedPageSize, t),
    [searchParams, today, rememberedPageSize, t],
  )

  /** The view into the URL; `virtual=off` (a diagnostic, not part of the view) stays as it was. */
  const show = (next: LogView, replace: boolean) => {
    const params = writeLogParams(next, today, rememberedPageSize)
    const virtual = searchParams.get('virtual')
    if (virtual !== null) params.set('virtual', virtual)
    setSearchParams(params, { replace })
  }

  const update = (patch: Partial<LogView>, options: { replace?: boolean } = {}) => {
    // Changing what is shown starts again at page 1.
    const resetsPage = ['startDate', 'endDate', 'type', 'statuses', 'search', 'pageSize'].some(
      (key) => key in patch,
    )
    const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...patch }
    show(next, options.replace ?? false)
  }

  return {
    view,
    notes,
    update,
    /** The same view written back: what could not be read is gone from the URL, and its notes. */
    dismissNotes: () => show(view, true),
    /** A link without parameters: today, unfiltered. */
    showToday: () => setSearchParams(new URLSearchParams()),
    /** The page size picked in the filters, also remembered for links without one. */
    choosePageSize: (pageSize: PageSize) => {
      setRememberedPageSize(pageSize)
      update({ pageSize })
    },
    /** `virtual=off` renders every row: the bench measures what virtualisation saves. */
    virtualize: searchParams.get('virtual') !== 'off',
  }
}
