import { delay, http, HttpResponse } from 'msw'
import { configure, expect, getConfig, screen, waitFor, within } from 'storybook/test'
import { dayInZone } from '@/i18n/format'
import {
  appStory,
  inDarkScheme,
  onNarrowTablet,
  STORY_DOCUMENT_ID,
  STORY_TRANSACTION_ID,
  withStorySale,
} from '../../../.storybook/decorators'
import { TransactionsPage } from './TransactionsPage'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * The KKM log of a location, through the real app on the embedded mock API. Location 1 is Beauty
 * Lab on Tverskaya (Moscow), 4 the 10,000-row Wellness Spa Network HQ (Novosibirsk), 5 Nail Studio
 * Paris with an empty log. Print stories add a sale of document 777001 to location 1's log.
 */
const meta = {
  title: 'Pages/Transactions',
  component: TransactionsPage,
  // A whole log page, eleven bulk pages or a print followed by polling take a while on a busy
  // two-core machine: these stories wait up to 15 s for what they expect (preview.tsx says 5).
  beforeEach() {
    const { asyncUtilTimeout } = getConfig()
    configure({ asyncUtilTimeout: 15_000 })
    return () => configure({ asyncUtilTimeout })
  },
} satisfies Meta<typeof TransactionsPage>

export default meta
type Story = StoryObj<typeof meta>
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']
type User = Parameters<NonNullable<Story['play']>>[0]['userEvent']

const LOG = '/locations/1/transactions'

/** `YYYY-MM-DD` at a location, `days` from today (negative: before). */
function day(timeZone: string, days = 0): string {
  const date = new Date(`${dayInZone(new Date(), timeZone)}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
const MOSCOW_MONTH = `from=${day('Europe/Moscow', -29)}&to=${day('Europe/Moscow')}`
const NOVOSIBIRSK_MONTH = `from=${day('Asia/Novosibirsk', -29)}&to=${day('Asia/Novosibirsk')}`

/**
 * Queries that poll (find*, waitFor) skip the visibility check of every element of the page on
 * every retry (`hidden: true`), which is slow beside a full table; the element is checked once found.
 */
const table = async (canvas: Canvas) => {
  const found = await canvas.findByRole('table', {
    name: /^KKM transactions of Beauty Lab on Tverskaya/,
    hidden: true,
  })
  await expect(found).toBeVisible()
  // A table by its roles (plain elements, so that thousands of rows scroll lightly).
  if (!(found instanceof HTMLElement)) throw new Error('the log is not an element')
  return found
}

/** A dialog (the details drawer, the print dialog) by its name. */
const findDialog = (name: string) => screen.findByRole('dialog', { name, hidden: true })

/** The text of one column in every row shown (read from the DOM: this runs inside waitFor). */
function column(tableElement: HTMLElement, index: number): string[] {
  return [...tableElement.querySelectorAll<HTMLElement>('[role="row"][data-row-id]')].map(
    (row) => row.querySelectorAll('[role="cell"]')[index]?.textContent ?? '',
  )
}

export const TodaysLog: Story = {
  ...appStory({ url: LOG, selectedLocationId: 1, database: withStorySale('failed') }),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('heading', { name: 'Beauty Lab on Tverskaya' }),
    ).toBeVisible()
    const log = await table(canvas)
    await expect(within(log).getByText(`Visit #${STORY_DOCUMENT_ID}`)).toBeVisible()
    await expect(canvas.getByText(/^transactions? found/)).toBeVisible()
    await expect(canvas.getByLabelText('From')).toHaveValue(day('Europe/Moscow'))
    // The shift is read after the log, and says something either way.
    await expect(await canvas.findByText(/^Shift (open|closed)$/)).toBeVisible()
  },
}
export const TodaysLogDark: Story = inDarkScheme(TodaysLog)
export const TodaysLogNarrowTablet: Story = onNarrowTablet(TodaysLog)

/** A shared link: the month's successful sale returns. */
export const FilteredLink: Story = {
  ...appStory({ url: `${LOG}?type=1&status=1&${MOSCOW_MONTH}` }),
  play: async ({ canvas }) => {
    const log = await table(canvas)
    await expect(canvas.getByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
    await expect(canvas.getByRole('combobox', { name: 'Status' })).toHaveValue('Success')
    await expect(canvas.getByLabelText('From')).toHaveValue(day('Europe/Moscow', -29))
    await expect(new Set(column(log, 1))).toEqual(new Set(['Sale return']))
    await expect(new Set(column(log, 4))).toEqual(new Set(['Success']))
  },
}

/**
 * A month of location 4 with `size=all`: eleven pages of 1,000 under the rate limit (5 a second),
 * more than 10,000 rows in one virtualised table.
 */
export const TenThousandRows: Story = {
  ...appStory({ url: `/locations/4/transactions?${NOVOSIBIRSK_MONTH}&size=all` }),
  play: async ({ canvas }) => {
    const log = await canvas.findByRole(
      'table',
      { name: /^KKM transactions of Wellness Spa Network HQ/ },
      { timeout: 25_000 },
    )
    await expect(Number(log.getAttribute('aria-rowcount'))).toBeGreaterThan(10_001)
    await expect(within(log).getAllByRole('row').length).toBeLessThan(60)
    await expect(canvas.getByRole('combobox', { name: 'Page size' })).toHaveValue(
      'All (up to 20,000)',
    )
  },
}

/** Nail Studio Paris opened its register today: nothing yet. */
export const Empty: Story = {
  ...appStory({ url: '/locations/5/transactions' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('No transactions yet today.')).toBeVisible()
    // Today's log, unfiltered, is what is shown: no button back to it.
    await expect(canvas.queryByRole('button', { name: 'Show today’s log' })).not.toBeInTheDocument()
  },
}

/** The API never answers (until the client's own timeout): skeleton rows, not a blank page. */
export const Loading: Story = {
  ...appStory({ url: LOG, scenario: { latencyMs: 1e9 } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByLabelText('Loading transactions')).toHaveAttribute(
      'aria-busy',
      'true',
    )
  },
}

/** A till opened again: the heading last shown here stands while the locations load. */
export const LoadingWithTheHeadingLastShown: Story = {
  ...appStory({
    url: LOG,
    scenario: { latencyMs: 1e9 },
    preferences: {
      logHeading: {
        locationId: 1,
        locale: 'en',
        title: 'Beauty Lab on Tverskaya',
        intro: 'KKM transaction log · times in Moscow Standard Time',
      },
    },
  }),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('heading', { level: 1, name: 'Beauty Lab on Tverskaya' }),
    ).toBeVisible()
    await expect(canvas.getByLabelText('Loading transactions')).toHaveAttribute('aria-busy', 'true')
  },
}

function failingLog(fault: 'server-error' | 'forbidden' | 'network' | 'malformed-json') {
  return appStory({ url: LOG, scenario: { fault, faultOperation: 'listKkmTransactions' } })
}

export const ServerError: Story = {
  ...failingLog('server-error'),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('The server had a problem')
    await expect(alert).toHaveTextContent('Internal server error.')
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

/** Asking again will not help: no retry button. */
export const Forbidden: Story = {
  ...failingLog('forbidden'),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Access denied')
    await expect(canvas.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
  },
}

/** The connection drops on every try (the query retries a network error three times). */
export const NoConnection: Story = {
  ...failingLog('network'),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('No connection')
    await expect(alert).toHaveTextContent('Could not reach the server. Check the connection.')
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

/** A 200 whose body is cut off mid-JSON. */
export const MalformedJson: Story = {
  ...failingLog('malformed-json'),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Unreadable answer')
    await expect(alert).toHaveTextContent('The server sent a response the console cannot read.')
  },
}

/** 429 with Retry-After: 3: the limiter holds the one retry for 3 s, then the page says so. */
export const RateLimited: Story = {
  ...appStory({
    url: LOG,
    scenario: { fault: 'rate-limited', faultOperation: 'listKkmTransactions' },
  }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Too many requests')
    await expect(alert).toHaveTextContent('Try again in 3 s.')
  },
}

/** A link with settings the page does not understand: the defaults, and a note naming each. */
export const InvalidLinkParams: Story = {
  ...appStory({ url: `${LOG}?type=banana&size=7&from=yesterday` }),
  play: async ({ canvas }) => {
    const note = await canvas.findByRole('alert', { name: /not understood/ })
    await expect(note).toHaveTextContent('Ignored type=“banana”: not an operation type.')
    await expect(note).toHaveTextContent('Ignored size=“7”')
    await expect(note).toHaveTextContent('Ignored from=“yesterday”')
    await expect(canvas.getByRole('combobox', { name: 'Operation' })).toHaveValue('All operations')
  },
}

/** A link to one transaction (`?tx=`): its details open beside the log. */
export const DetailsOpen: Story = {
  ...appStory({ url: `${LOG}?tx=${STORY_TRANSACTION_ID}`, database: withStorySale('failed') }),
  play: async () => {
    const drawer = await findDialog(`Transaction ${STORY_TRANSACTION_ID}`)
    await waitFor(() => expect(drawer).toBeVisible())
    await expect(
      within(drawer).getByText('Runtime error (status 3, “Runtime error”)'),
    ).toBeInTheDocument()
    await expect(within(drawer).getByRole('button', { name: 'Print receipt' })).toBeEnabled()
  },
}
export const DetailsOpenNarrowTablet: Story = onNarrowTablet(DetailsOpen)

/** Choosing filters: the table follows, and the choices stay in the link (the comboboxes read it). */
export const FilterTheLog: Story = {
  ...appStory({ url: `${LOG}?${MOSCOW_MONTH}` }),
  play: async ({ canvas, userEvent }) => {
    const log = await table(canvas)
    await expect(new Set(column(log, 1)).size).toBeGreaterThan(1)
    await userEvent.click(canvas.getByRole('combobox', { name: 'Operation' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Sale return', hidden: true }))
    await waitFor(() => expect(new Set(column(log, 1))).toEqual(new Set(['Sale return'])))
    await userEvent.click(canvas.getByRole('combobox', { name: 'Status' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Success', hidden: true }))
    await waitFor(() => expect(new Set(column(log, 4))).toEqual(new Set(['Success'])))
    await expect(canvas.getByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
    await expect(canvas.getByLabelText('From')).toHaveValue(day('Europe/Moscow', -29))
  },
}

/** Opens the print dialog from the row of document 777001 and waits for the duplicate check. */
async function openPrintDialog(canvas: Canvas, user: User) {
  await user.click(
    await canvas.findByRole('button', {
      name: `Print receipt for Visit #${STORY_DOCUMENT_ID}`,
      hidden: true,
    }),
  )
  const dialog = await findDialog('Print receipt')
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Print' })).toBeEnabled())
  return within(dialog)
}

/** A failed receipt printed again and followed: sent for printing, then printed. */
const printing = (scenario: Parameters<typeof appStory>[0]['scenario'] = {}) =>
  appStory({
    url: LOG,
    database: withStorySale('failed'),
    scenario: { printSettleMs: 300, ...scenario },
    printFollow: { pollMs: 200 },
  })

export const PrintAReceipt: Story = {
  ...printing(),
  play: async ({ canvas, userEvent }) => {
    const dialog = await openPrintDialog(canvas, userEvent)
    await expect(dialog.getByRole('table', { name: 'Receipt to print' })).toHaveTextContent(
      '₽1,234.50',
    )
    await userEvent.click(dialog.getByRole('button', { name: 'Print' }))
    await expect(await dialog.findByText(/Status: Sent for printing/)).toBeInTheDocument()
    await expect(await dialog.findByText('Receipt printed')).toBeVisible()
    // The toast says it too (it slides in: present, not yet visible).
    await expect(await screen.findByText(/Visit #777001: Success/)).toBeInTheDocument()
  },
}

/** The register is offline: the receipt is followed to "Connection error". */
export const PrintFailsAtTheRegister: Story = {
  ...printing({ printer: 'offline' }),
  play: async ({ canvas, userEvent }) => {
    const dialog = await openPrintDialog(canvas, userEvent)
    await userEvent.click(dialog.getByRole('button', { name: 'Print' }))
    await expect(await dialog.findByText('The register could not print')).toBeVisible()
    await expect(dialog.getByText('Status: Connection error.')).toBeVisible()
  },
}

/**
 * The register prints but the answer is lost: "Result unknown", the log is read (slowed here so
 * the check can be seen), the new receipt is found and followed instead of printed twice.
 */
export const PrintAnswerLostReceiptFound: Story = {
  ...printing({ fault: 'network', faultOperation: 'printDocumentBill' }),
  beforeEach({ msw }) {
    msw.use(
      http.get('*/api/v1/kkm_transactions/:locationId', async ({ request }) => {
        const query = new URL(request.url).searchParams
        if (query.get('editable_length') === '1000' && query.get('type') === '0') await delay(400)
        // Nothing returned: the app's own handler answers.
      }),
    )
  },
  play: async ({ canvas, userEvent }) => {
    const dialog = await openPrintDialog(canvas, userEvent)
    await userEvent.click(dialog.getByRole('button', { name: 'Print' }))
    await expect(await dialog.findByText('Result unknown')).toBeInTheDocument()
    await expect(dialog.getByText('Checking the log for this document…')).toBeInTheDocument()
    await expect(await dialog.findByText('Receipt printed')).toBeVisible()
    await expect(dialog.queryByRole('button', { name: 'Print again' })).not.toBeInTheDocument()
  },
}

/** The request never reached the register: the log shows nothing new, printing again is offered. */
export const PrintAnswerLostNothingPrinted: Story = {
  ...printing(),
  beforeEach({ msw }) {
    msw.use(
      http.post('*/api/v1/kkm_transactions/:id/print_document_bill', () => HttpResponse.error()),
    )
  },
  play: async ({ canvas, userEvent }) => {
    const dialog = await openPrintDialog(canvas, userEvent)
    await userEvent.click(dialog.getByRole('button', { name: 'Print' }))
    await expect(await dialog.findByText('Result unknown')).toBeInTheDocument()
    await expect(
      await dialog.findByText('The log shows no new receipt for this document.'),
    ).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'Print again' })).toBeEnabled()
  },
}

/** The sale already printed: Print stays disabled until a second receipt is chosen explicitly. */
export const PrintADuplicate: Story = {
  ...appStory({ url: LOG, database: withStorySale('printed') }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(
      await canvas.findByRole('button', {
        name: `Print receipt for Visit #${STORY_DOCUMENT_ID}`,
        hidden: true,
      }),
    )
    const dialog = within(await findDialog('Print receipt'))
    await expect(await dialog.findByText('Already printed')).toBeVisible()
    await expect(
      dialog.getByText(/already holds a successful sale receipt for this document/),
    ).toBeVisible()
    const print = dialog.getByRole('button', { name: 'Print' })
    await expect(print).toBeDisabled()
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Print a second receipt anyway' }))
    await expect(print).toBeEnabled()
  },
}

/** Fails naming the first target under 44 × 44 px (cashier mode's floor), measured in the browser. */
async function expectTouchTargets(targets: Record<string, Element | null | undefined>) {
  for (const [name, element] of Object.entries(targets)) {
    if (!element) throw new Error(`${name}: not on the page`)
    const { height, width } = element.getBoundingClientRect()
    await expect(height, `${name}: height`).toBeGreaterThanOrEqual(44)
    await expect(width, `${name}: width`).toBeGreaterThanOrEqual(44)
  }
}

/** The clickable label of a radio, switch or checkbox (the input itself is hidden under it). */
const labelOf = (input: HTMLElement) =>
  input.ownerDocument.querySelector(`label[for="${input.id}"]`) ??
  input.closest('.mantine-Switch-body, .mantine-Checkbox-body')

const cashierMode = (url = LOG) =>
  appStory({
    url,
    selectedLocationId: 1,
    database: withStorySale('failed'),
    preferences: { cashierMode: true },
  })

/**
 * Cashier mode, for tablets and touch: only the log, printing and the shift; larger type; every
 * target at least 44 px, in the page, a table row and the print dialog (measured here).
 */
export const CashierMode: Story = {
  ...cashierMode(),
  play: async ({ canvas, userEvent }) => {
    const log = await table(canvas)
    await expect(document.documentElement).toHaveAttribute('data-cashier-mode')
    await expect(canvas.getByRole('switch', { name: 'Cashier mode' })).toBeChecked()
    await expect(canvas.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument()
    await expect(canvas.queryByLabelText('From')).not.toBeInTheDocument()
    for (const admin of ['Overview', 'Tax systems', 'KKM callback'])
      await expect(canvas.queryByRole('link', { name: admin })).not.toBeInTheDocument()
    await expect(await canvas.findByText(/^Shift (open|closed)$/)).toBeVisible()
    // Larger type: Mantine's scale is 1.25, body text 20 px instead of 16.
    await expect(parseFloat(getComputedStyle(document.body).fontSize)).toBeGreaterThanOrEqual(19)

    const row = within(log).getByText(`Visit #${STORY_DOCUMENT_ID}`).closest('[role="row"]')
    await expectTouchTargets({
      'Print receipt': canvas.getByRole('button', { name: 'Print receipt' }),
      Refresh: canvas.getByRole('button', { name: 'Refresh' }),
      'Operation filter': canvas.getByRole('combobox', { name: 'Operation' }),
      'Status filter': canvas.getByRole('combobox', { name: 'Status' }),
      'Page size': canvas.getByRole('combobox', { name: 'Page size' }),
      'Location switcher': canvas.getByRole('combobox', { name: 'Location' }),
      'Cashier mode switch': labelOf(canvas.getByRole('switch', { name: 'Cashier mode' })),
      'Keyboard shortcuts': canvas.getByRole('button', { name: 'Keyboard shortcuts' }),
      'Colour scheme': canvas.getByRole('button', { name: /^Switch to (dark|light) theme$/ }),
      'Transactions link': canvas.getByRole('link', { name: 'Transactions' }),
      'Sign out': canvas.getByRole('button', { name: 'Sign out' }),
      'Sort by sum': within(log).getByRole('button', { name: 'Sort by sum' }),
      'Row: details': within(log).getByRole('button', {
        name: `Details of transaction ${STORY_TRANSACTION_ID}`,
      }),
      'Row: print': within(log).getByRole('button', {
        name: `Print receipt for Visit #${STORY_DOCUMENT_ID}`,
      }),
    })
    // Rows are as high as the virtualised table counts on (its fixed row height), and hold 44 px targets.
    const counted = parseFloat(log.style.getPropertyValue('--kkm-row-height'))
    await expect(counted).toBeGreaterThanOrEqual(64)
    await expect(Math.round(row?.getBoundingClientRect().height ?? 0)).toBe(counted)

    await userEvent.click(canvas.getByRole('button', { name: 'Print receipt' }))
    const dialog = within(await findDialog('Print receipt'))
    await expectTouchTargets({
      'Dialog: Document id': dialog.getByRole('textbox', { name: 'Document id' }),
      'Dialog: Sale': labelOf(dialog.getByRole('radio', { name: 'Sale' })),
      'Dialog: Sale return': labelOf(dialog.getByRole('radio', { name: 'Sale return' })),
      'Dialog: card terminal': labelOf(dialog.getByRole('switch', { name: /Use card terminal/ })),
      'Dialog: Cancel': dialog.getByRole('button', { name: 'Cancel' }),
      'Dialog: Print': dialog.getByRole('button', { name: 'Print' }),
      'Dialog: Close': dialog.getByRole('button', { name: 'Close' }),
    })
  },
}

/** The same on a narrow tablet: the header's larger controls still fit beside each other. */
const cashierModeHeader: Story = {
  ...cashierMode(),
  play: async ({ canvas }) => {
    await table(canvas)
    const header = canvas.getByRole('banner')
    await expect(header.scrollWidth).toBeLessThanOrEqual(header.clientWidth)
    await expectTouchTargets({
      'Toggle navigation': canvas.getByRole('button', { name: 'Toggle navigation' }),
      'Location switcher': canvas.getByRole('combobox', { name: 'Location' }),
      'Cashier mode switch': labelOf(canvas.getByRole('switch', { name: 'Cashier mode' })),
      'Keyboard shortcuts': canvas.getByRole('button', { name: 'Keyboard shortcuts' }),
      'Print receipt': canvas.getByRole('button', { name: 'Print receipt' }),
    })
  },
}
export const CashierModeNarrowTablet: Story = onNarrowTablet(cashierModeHeader)

/** The shortcuts in the browser: `?` lists them (loaded on demand), `p` opens Print receipt. */
export const KeyboardShortcuts: Story = {
  ...appStory({ url: LOG, selectedLocationId: 1, database: withStorySale('failed') }),
  play: async ({ canvas, userEvent }) => {
    await table(canvas)
    await userEvent.keyboard('{Shift>}?{/Shift}')
    const list = await findDialog('Keyboard shortcuts')
    await waitFor(() => expect(list).toBeVisible())
    await expect(list).toHaveTextContent('Refresh the log')
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(list).not.toBeInTheDocument())
    await userEvent.keyboard('p')
    const dialog = await findDialog('Print receipt')
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Document id' })).toHaveFocus(),
    )
  },
}

/** The log in Russian: column headers, status titles, ru-RU money and dates. */
export const Russian: Story = {
  ...appStory({
    url: `${LOG}?${MOSCOW_MONTH}`,
    selectedLocationId: 1,
    preferences: { locale: 'ru' },
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Обновить' })).toBeVisible()
    await expect(await canvas.findByRole('columnheader', { name: 'Документ' })).toBeVisible()
  },
}
