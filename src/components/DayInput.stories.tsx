import { expect, fn } from 'storybook/test'
import { DayInput } from './DayInput'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** A day typed in the interface language's form; committed on Enter or when the field is left. */
const meta = {
  title: 'Components/DayInput',
  component: DayInput,
  tags: ['autodocs'],
  args: {
    label: 'From',
    value: '2026-11-28',
    onCommit: fn<(day: string) => string | null>(() => null),
    invalidMessage: (pattern: string) => `Type a date as ${pattern}`,
    w: 160,
  },
} satisfies Meta<typeof DayInput>

export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

/** Every keystroke stays in the field; the day is committed once, as typed, on Enter. */
export const TypedInFull: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const field = canvas.getByRole('textbox', { name: 'From' })
    await userEvent.clear(field)
    await userEvent.type(field, '2026-11-15')
    await expect(args.onCommit).not.toHaveBeenCalled()
    await userEvent.keyboard('{Enter}')
    await expect(args.onCommit).toHaveBeenCalledTimes(1)
    await expect(args.onCommit).toHaveBeenCalledWith('2026-11-15')
  },
}

/** Not a day in this language's form: said at the field, and what was typed is kept. */
export const NotADay: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const field = canvas.getByRole('textbox', { name: 'From' })
    await userEvent.clear(field)
    await userEvent.type(field, '31.11.2026{Enter}')
    await expect(await canvas.findByText('Type a date as YYYY-MM-DD')).toBeVisible()
    await expect(field).toHaveValue('31.11.2026')
    await expect(args.onCommit).not.toHaveBeenCalled()
  },
}

/** The parent refuses the day (a To before From): its reason shows on this field. */
export const Refused: Story = {
  args: {
    label: 'To',
    onCommit: fn<(day: string) => string | null>(() => 'This is before the From date'),
  },
  play: async ({ canvas, userEvent }) => {
    const field = canvas.getByRole('textbox', { name: 'To' })
    await userEvent.clear(field)
    await userEvent.type(field, '2026-11-01{Enter}')
    await expect(await canvas.findByText('This is before the From date')).toBeVisible()
    await expect(field).toHaveValue('2026-11-01')
  },
}
