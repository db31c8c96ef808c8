import { expect, fn, within } from 'storybook/test'
import { inDarkScheme, onNarrowTablet, storyData } from '../../.storybook/decorators'
import { TransactionTable } from './TransactionTable'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * Rows come from the mock API's seed through the log page's own mapping (`toRow`): location 1 is
 * Beauty Lab in Moscow (roubles), location 4 (Wellness Spa Network HQ) the 10,000-row one.
 */
const PAGE_OF_25 = storyData.rows(1, { count: 25 })

const meta = {
  title: 'Components/TransactionTable',
  component: TransactionTable,
  tags: ['autodocs'],
  args: {
    rows: PAGE_OF_25,
    totalCount: storyData.log(1).length,
    caption: 'KKM transactions of Beauty Lab on Tverskaya',
    sort: { key: 'date', direction: 'desc' },
    onSortChange: fn(),
    onOpenDetails: fn(),
    onPrint: fn(),
  },
} satisfies Meta<typeof TransactionTable>

export default meta
type Story = StoryObj<typeof meta>

/** The first page of 25, newest first; every row opens its details, sales and returns print. */
export const PageOf25: Story = {
  play: async ({ args, canvas, userEvent }) => {
    const table = canvas.getByRole('table', { name: 'KKM transactions of Beauty Lab on Tverskaya' })
    // The rows in view and a few more (virtualised): at most the 25 and the header.
    const rendered = within(table).getAllByRole('row').length
    await expect(rendered).toBeGreaterThan(10)
    await expect(rendered).toBeLessThanOrEqual(26)
    await expect(table).toHaveAttribute('aria-rowcount', String(storyData.log(1).length + 1))
    const first = PAGE_OF_25[0]
    if (!first) throw new Error('no rows')
    await userEvent.click(
      canvas.getByRole('button', { name: `Details of transaction ${first.id}` }),
    )
    await expect(args.onOpenDetails).toHaveBeenCalledWith(first.id)
    const printable = PAGE_OF_25.find((row) => row.printable)
    if (!printable) throw new Error('no printable row')
    const [print] = canvas.getAllByRole('button', {
      name: `Print receipt for ${printable.document}`,
    })
    if (!print) throw new Error('no print button')
    await userEvent.click(print)
    await expect(args.onPrint).toHaveBeenCalledWith(printable.id)
  },
}
export const PageOf25Dark: Story = inDarkScheme(PageOf25)
/**
 * A narrow tablet: the rows become cards that fit the width; the sum, the status and the print
 * action of the first row are in sight, nothing scrolls sideways, and a tap on a row opens it.
 */
export const PageOf25NarrowTablet: Story = onNarrowTablet({
  ...PageOf25,
  play: async ({ args, canvas, userEvent }) => {
    const table = canvas.getByRole('table', { name: /^KKM transactions/ })
    await expect(table).toHaveAttribute('data-layout', 'cards')
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(
      document.documentElement.clientWidth,
    )
    const first = PAGE_OF_25.find((row) => row.printable)
    if (!first) throw new Error('no printable row')
    const row = canvas.getByText(first.document).closest('[role="row"]')
    if (!(row instanceof HTMLElement)) throw new Error('no row')
    for (const part of [
      within(row).getByText(first.sum),
      within(row).getByText(first.statusLabel),
      within(row).getByRole('button', { name: `Print receipt for ${first.document}` }),
    ]) {
      const box = part.getBoundingClientRect()
      await expect(box.width).toBeGreaterThan(0)
      await expect(box.right).toBeLessThanOrEqual(window.innerWidth)
    }
    await userEvent.click(within(row).getByText(first.sum))
    await expect(args.onOpenDetails).toHaveBeenCalledWith(first.id)
    await expect(args.onPrint).not.toHaveBeenCalled()
  },
})

/** A thousand rows: only those in view (and a few around) are in the DOM. */
export const ThousandRowsVirtualised: Story = {
  args: {
    rows: storyData.rows(4, { count: 1000 }),
    totalCount: 1000,
    caption: 'KKM transactions of Wellness Spa Network HQ, 1,000 rows',
  },
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table')
    await expect(table).toHaveAttribute('aria-rowcount', '1001')
    const rendered = within(table).getAllByRole('row').length
    await expect(rendered).toBeGreaterThan(10)
    await expect(rendered).toBeLessThan(60)
  },
}

/** No rows: the header stays (the page itself shows its empty message instead of the table). */
export const Empty: Story = {
  args: { rows: [], totalCount: 0, caption: 'KKM transactions of Nail Studio Paris' },
  play: async ({ canvas }) => {
    await expect(within(canvas.getByRole('table')).getAllByRole('row')).toHaveLength(1)
  },
}

/**
 * The longest values the seed has: the hyphenated cashier and the hostile name (shown as text), on
 * the longest document type with a ten-digit id; a long cashier is cut with an ellipsis and keeps
 * the full value as a title; the document's number is never cut.
 */
export const LongNamesOverflow: Story = {
  args: {
    rows: storyData
      .log(1)
      .filter((t) => t.type.id === 0 || t.type.id === 1)
      .slice(0, 6)
      .map((t, index) => ({
        ...t,
        cashier:
          index % 2 === 0
            ? { id: 1138456, name: 'Maria-Antonietta Konstantinopolskaya-Rimskaya' }
            : { id: 1138457, name: '<img src=x onerror=alert(1)> Mallory' },
        document: { id: 2_147_483_000 + index, type: 9 as const, type_title: 'Deposit' },
      }))
      .map((t) => storyData.row(t, 1)),
  },
  play: async ({ canvas, canvasElement }) => {
    const [cashier] = canvas.getAllByTitle('Maria-Antonietta Konstantinopolskaya-Rimskaya')
    await expect(cashier?.scrollWidth).toBeGreaterThan(cashier?.clientWidth ?? Infinity)
    await expect(canvas.getAllByText('<img src=x onerror=alert(1)> Mallory')[0]).toBeVisible()
    await expect(canvasElement.querySelector('img')).toBeNull()
    const [document] = canvas.getAllByText(/ #2147483000$/)
    await expect(document?.scrollWidth).toBeLessThanOrEqual(document?.clientWidth ?? 0)
    await expect(document?.scrollHeight).toBeLessThanOrEqual(document?.clientHeight ?? 0)
  },
}

/** Sorted by sum, smallest first: the Sum header says so; a click asks for largest first. */
export const SortedBySumAscending: Story = {
  args: {
    rows: storyData.rows(1, { count: 25, sort: { key: 'sum', direction: 'asc' } }),
    sort: { key: 'sum', direction: 'asc' },
  },
  play: async ({ args, canvas, userEvent }) => {
    await expect(canvas.getByRole('columnheader', { name: /Sum/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    await userEvent.click(canvas.getByRole('button', { name: 'Sort by sum' }))
    await expect(args.onSortChange).toHaveBeenCalledWith({ key: 'sum', direction: 'desc' })
  },
}
