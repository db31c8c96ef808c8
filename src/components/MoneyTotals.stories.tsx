import { Box } from '@mantine/core'
import { expect, waitFor } from 'storybook/test'
import { inDarkScheme, onNarrowTablet } from '../../.storybook/decorators'
import { MoneyTotals, type MoneyTotalsView } from './MoneyTotals'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** A day at a Moscow salon: 12 sales and 2 returns printed, 3 failed, 1 still printing. */
const DAY: MoneyTotalsView = {
  sales: { count: 12, amount: 48_250.5 },
  returns: { count: 2, amount: 3_100 },
  net: 45_150.5,
  receipts: 14,
  notCounted: { failed: 3, printing: 1, unreadable: 0 },
  otherOperations: 2,
  complete: true,
  loaded: 20,
  total: 20,
  totalExact: true,
}

const meta = {
  title: 'Components/MoneyTotals',
  component: MoneyTotals,
  tags: ['autodocs'],
  args: { totals: DAY, currency: '₽', title: 'Beauty Lab', from: '1 Dec 2026', to: '1 Dec 2026' },
  decorators: [
    (Story) => (
      <Box maw={900}>
        <Story />
      </Box>
    ),
  ],
} satisfies Meta<typeof MoneyTotals>

export default meta
type Story = StoryObj<typeof meta>

export const Day: Story = {
  play: async ({ canvas }) => {
    const group = canvas.getByRole('group', { name: 'Totals at Beauty Lab, 1 Dec 2026' })
    await expect(group).toHaveTextContent('Sales₽48,250.50 (12)')
    await expect(group).toHaveTextContent('Returns₽3,100.00 (2)')
    await expect(group).toHaveTextContent('Net₽45,150.50')
    await expect(group).toHaveTextContent('Receipts14 receipts')
    await expect(group).toHaveTextContent('Not counted: 3 failed, 1 still printing.')
  },
}
export const DayDark: Story = inDarkScheme(Day)
export const DayNarrowTablet: Story = onNarrowTablet(Day)

/** One page of a longer range: the sums are lower bounds, and it says so. */
export const Partial: Story = {
  args: {
    totals: { ...DAY, complete: false, loaded: 25, total: 1_234 },
    from: '1 Nov 2026',
    to: '28 Nov 2026',
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^Partial: 25 of 1,234 transactions are loaded/)).toBeVisible()
    await expect(canvas.getByText('≥ ₽48,250.50 (≥ 12)')).toBeVisible()
  },
}
export const PartialDark: Story = inDarkScheme(Partial)

/** In Russian, with the tenge of the Almaty location. */
export const Russian: Story = {
  args: { currency: '₸', title: 'Brooklyn', from: '1 дек. 2026 г.', to: '1 дек. 2026 г.' },
  parameters: { app: { preferences: { locale: 'ru' } } },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByText('Продажи')).toBeVisible())
    await expect(
      canvas.getByRole('group', { name: 'Итоги: Brooklyn, 1 дек. 2026 г.' }),
    ).toBeVisible()
    await expect(canvas.getByText('14 чеков')).toBeVisible()
  },
}
