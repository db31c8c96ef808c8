import { expect, fn } from 'storybook/test'
import { PhaseNotice } from './PrintPhaseNotice'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** Where one print is after the cashier confirmed it: the print dialog's lower half, alone. */
const meta = {
  title: 'Components/PrintPhaseNotice',
  component: PhaseNotice,
  tags: ['autodocs'],
  args: { phase: { kind: 'sending' }, onPrintAgain: fn(), onCheckAgain: fn() },
} satisfies Meta<typeof PhaseNotice>

export default meta
type Story = StoryObj<typeof meta>

/** Sent once; nothing can cancel it, so the notice says it carries on if hidden. */
export const Sending: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Sending to the register…')
    await expect(canvas.getByRole('status')).toHaveTextContent(/hiding this leaves it running/)
  },
}

export const Following: Story = {
  args: { phase: { kind: 'following', statusLabel: 'Sent for printing' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Status: Sent for printing\./)).toBeVisible()
  },
}

export const Succeeded: Story = {
  args: { phase: { kind: 'succeeded', statusLabel: 'Success' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Receipt printed')).toBeVisible()
  },
}

/** A refusal, with the server's details as sentences (the dialog's footer offers Print again). */
export const Failed: Story = {
  args: {
    phase: {
      kind: 'failed',
      title: 'The server did not accept the request',
      message: 'The document cannot be printed.',
      details: ['Document id: the document is closed.'],
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The document cannot be printed.')
    await expect(canvas.getByText('Document id: the document is closed.')).toBeVisible()
  },
}

export const GaveUp: Story = {
  args: { phase: { kind: 'gave-up', statusLabel: 'Waiting for the register', seconds: 60 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No final status yet')).toBeVisible()
  },
}

/** The answer was lost: the log is read before anything is sent again. */
export const UnknownChecking: Story = {
  args: {
    phase: { kind: 'unknown', checking: true, foundLabel: null, message: 'No connection.' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Checking the log for this document…')).toBeVisible()
  },
}

export const UnknownFoundNew: Story = {
  args: {
    phase: { kind: 'unknown', checking: false, foundLabel: 'Success', message: 'No connection.' },
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText(/The log shows a new receipt for this document: Success/),
    ).toBeVisible()
  },
}

export const UnknownNoneNew: Story = {
  args: {
    phase: { kind: 'unknown', checking: false, foundLabel: null, message: 'No connection.' },
  },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByText('The log shows no new receipt for this document.')).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Check the log again' }))
    await expect(args.onCheckAgain).toHaveBeenCalledTimes(1)
    await userEvent.click(canvas.getByRole('button', { name: 'Print again' }))
    await expect(args.onPrintAgain).toHaveBeenCalledTimes(1)
  },
}
