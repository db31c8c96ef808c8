import { Box } from '@mantine/core'
import { expect } from 'storybook/test'
import { labelFor, PRINT_STATUS_LABELS } from '@/i18n/labels'
import { StatusBadge } from './StatusBadge'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** The labels are the console's own for the API's print statuses (src/i18n/labels.ts). */
const meta = {
  title: 'Components/StatusBadge',
  component: StatusBadge,
  tags: ['autodocs'],
  args: { tone: 'success', label: labelFor(PRINT_STATUS_LABELS, 1) },
} satisfies Meta<typeof StatusBadge>

export default meta
type Story = StoryObj<typeof meta>

/** Sent for printing (2) or waiting for the register (5): a spinner says it is not final yet. */
export const Pending: Story = {
  args: { tone: 'pending', label: labelFor(PRINT_STATUS_LABELS, 2) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Sent for printing')).toBeVisible()
  },
}

export const Success: Story = {
  args: { tone: 'success', label: labelFor(PRINT_STATUS_LABELS, 1) },
}

/** Connection error (0), runtime error (3) and status check error (4) are failures. */
export const Failure: Story = {
  args: { tone: 'failure', label: labelFor(PRINT_STATUS_LABELS, 3) },
}

/** A status id the console does not know: the API's own title, in grey. */
export const Unknown: Story = {
  args: { tone: 'unknown', label: labelFor(PRINT_STATUS_LABELS, 6, 'Fiscal drive full') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Fiscal drive full')).toBeVisible()
  },
}

/** A long title from the API stays inside its cell: it is cut with an ellipsis, the title attribute keeps it all. */
export const VeryLongApiTitle: Story = {
  args: {
    tone: 'unknown',
    label: labelFor(
      PRINT_STATUS_LABELS,
      7,
      'Waiting for the fiscal data operator to confirm the receipt before the shift can be closed',
    ),
  },
  decorators: [
    (Story) => (
      <Box w={190}>
        <Story />
      </Box>
    ),
  ],
  play: async ({ canvas, canvasElement }) => {
    const badge = canvas.getByTitle(/^Waiting for the fiscal data operator/)
    await expect(badge).toBeVisible()
    await expect(canvasElement.querySelector('div')?.scrollWidth).toBeLessThanOrEqual(190)
  },
}
