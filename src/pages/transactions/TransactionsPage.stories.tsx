import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { appStory, inDarkScheme, onNarrowTablet } from '../../../.storybook/decorators'
import { TransactionsPage } from './TransactionsPage'

/**
 * The transaction log is still a stub: these stories hold its place in the shell. Add its states
 * (rows, filters in the URL, empty log, 10,000 rows at location 4, errors, loading) as it grows.
 */
const meta = {
  title: 'Pages/Transactions',
  component: TransactionsPage,
} satisfies Meta<typeof TransactionsPage>

export default meta
type Story = StoryObj<typeof meta>

export const InTheShell: Story = {
  ...appStory({ url: '/locations/1/transactions', selectedLocationId: 1 }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('link', { name: 'Transactions' })).toBeInTheDocument()
  },
}
export const InTheShellDark: Story = inDarkScheme(InTheShell)
export const InTheShellNarrowTablet: Story = onNarrowTablet(InTheShell)
