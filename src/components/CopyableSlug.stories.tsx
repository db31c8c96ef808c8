import { Box } from '@mantine/core'
import { expect } from 'storybook/test'
import { mockClipboard } from '../../.storybook/decorators'
import { CopyableSlug } from './CopyableSlug'
import type { Meta, StoryObj } from '@storybook/react-vite'

const meta = {
  title: 'Components/CopyableSlug',
  component: CopyableSlug,
  tags: ['autodocs'],
  args: { slug: 'ru_vat_20' },
  beforeEach: mockClipboard,
} satisfies Meta<typeof CopyableSlug>

export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

export const Copied: Story = {
  args: { slug: 'ru_osn' },
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Copy ru_osn' })
    await expect(button).toHaveAttribute('title', 'Copy ru_osn')
    await userEvent.click(button)
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('ru_osn')
    await expect(await canvas.findByRole('button', { name: 'Copied ru_osn' })).toBeVisible()
    // The hint a mouse user sees says so too.
    await expect(button).toHaveAttribute('title', 'Copied ru_osn')
  },
}

/** A slug with no break opportunities wraps inside its cell; the button stays beside it. */
export const LongSlugInNarrowColumn: Story = {
  args: { slug: `ru_usn_income_minus_expenses_${'very_long_'.repeat(8)}slug` },
  decorators: [
    (Story) => (
      <Box w={220}>
        <Story />
      </Box>
    ),
  ],
  play: async ({ canvas, canvasElement }) => {
    const button = canvas.getByRole('button', { name: /^Copy ru_usn_income/ })
    await expect(button).toBeVisible()
    const column = canvasElement.querySelector('div')
    await expect(column?.scrollWidth).toBeLessThanOrEqual(220)
  },
}
