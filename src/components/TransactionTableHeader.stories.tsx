import { expect, fn } from 'storybook/test'
import classes from './TransactionTable.module.css'
import { HeaderRow } from './TransactionTableHeader'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** The log table's header row alone, inside the table roles it needs, in each layout. */
const meta = {
  title: 'Components/TransactionTableHeader',
  component: HeaderRow,
  tags: ['autodocs'],
  args: { sort: { key: 'date', direction: 'desc' }, onSortChange: fn(), layout: 'wide' },
  decorators: [
    (Story) => (
      <div role="table" aria-label="KKM transactions" className={classes.root}>
        <div role="rowgroup" className={classes.head}>
          <Story />
        </div>
      </div>
    ),
  ],
} satisfies Meta<typeof HeaderRow>

export default meta
type Story = StoryObj<typeof meta>

/** Newest first: the date header says so; a click on Sum sorts by it, largest first. */
export const Wide: Story = {
  play: async ({ canvas, args, userEvent }) => {
    const date = canvas.getByRole('columnheader', { name: /printed at/i })
    await expect(date).toHaveAttribute('aria-sort', 'descending')
    await userEvent.click(canvas.getByRole('button', { name: 'Sort by sum' }))
    await expect(args.onSortChange).toHaveBeenCalledWith({ key: 'sum', direction: 'desc' })
  },
}

/** A second click on the active column turns it round. */
export const Ascending: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /printed at/i }))
    await expect(args.onSortChange).toHaveBeenCalledWith({ key: 'date', direction: 'asc' })
  },
}

/** Cards keep the sort buttons in sight; the other headers stay for screen readers only. */
export const Cards: Story = {
  args: { layout: 'cards' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Sort by sum' })).toBeVisible()
    await expect(canvas.getAllByRole('columnheader').length).toBeGreaterThan(6)
  },
}
