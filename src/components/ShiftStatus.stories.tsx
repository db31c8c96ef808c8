import { Box } from '@mantine/core'
import { expect } from 'storybook/test'
import { inDarkScheme, onNarrowTablet, storyData } from '../../.storybook/decorators'
import { ShiftStatus } from './ShiftStatus'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * The shift of a location as the log page derives it (`deriveShift`) from the mock API's seed:
 * location 1 (Beauty Lab, Moscow) opens at 09:00 and closes at 21:00; location 5 has no log yet.
 */
const meta = {
  title: 'Components/ShiftStatus',
  component: ShiftStatus,
  tags: ['autodocs'],
  args: { shift: storyData.shift(1, 'open') },
  // In the page it sits at the right of the title; give it that column's width.
  decorators: [
    (Story) => (
      <Box maw={520}>
        <Story />
      </Box>
    ),
  ],
} satisfies Meta<typeof ShiftStatus>

export default meta
type Story = StoryObj<typeof meta>

export const Loading: Story = {
  args: { shift: { state: 'loading' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Checking the shift…')
  },
}

/** The shift query failed: the reason is the error's own message (here a dropped connection). */
export const UnknownWithReason: Story = {
  args: {
    shift: { state: 'unknown', reason: 'Could not reach the server. Check the connection.' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Shift state unknown: Could not reach the server.',
    )
  },
}

/** Two hours and a quarter after this morning's opening. */
export const Open: Story = {
  args: { shift: storyData.shift(1, 'open') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Shift open')).toBeVisible()
    await expect(canvas.getByText(/\(2 h 15 min\)$/)).toBeVisible()
  },
}

/** Open for more than 24 hours: a Z-report is due. */
export const OpenOverdue: Story = {
  args: { shift: storyData.shift(1, 'overdue') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/\(1 d 3 h\)$/)).toBeVisible()
    await expect(canvas.getByText(/open for more than 24 hours/)).toBeVisible()
  },
}
export const OpenOverdueDark: Story = inDarkScheme(OpenOverdue)
export const OpenOverdueNarrowTablet: Story = onNarrowTablet(OpenOverdue)

/** An hour after the latest closing. */
export const Closed: Story = {
  args: { shift: storyData.shift(1, 'closed') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Shift closed')).toBeVisible()
    await expect(canvas.getByText(/^since \d\d\/\d\d\/\d{4}, 21:00:00$/)).toBeVisible()
  },
}

/** Location 5 opened its register today and has printed nothing: no shift in the last 30 days. */
export const ClosedNeverOpened: Story = {
  args: { shift: storyData.shift(5, 'closed') },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('no shift opened in the last 30 days')).toBeVisible()
  },
}

/**
 * The place held for a shift still loading (the log's ShiftHeader lays it out unseen): the same
 * box, its words drawn by CSS, so no query or screen reader finds them.
 */
export const HeldPlace: Story = {
  args: { shift: storyData.shift(1, 'open'), unseen: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.queryByText('Shift open')).toBeNull()
    const badge = canvasElement.querySelector('.mantine-Badge-root')
    await expect(badge?.getBoundingClientRect().width ?? 0).toBeGreaterThan(40)
  },
}
