import { useState } from 'react'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import { inDarkScheme, onNarrowTablet, storyData } from '../../.storybook/decorators'
import { PrintBillDialog, type PrintBillDialogProps } from './PrintBillDialog'
import { documentIdOf, failedSale, failedTransaction, READY_TO_PRINT } from './printBillStoryArgs'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * Every step of printing one receipt, as the log page's print flow (usePrintFlow) drives it. The
 * documents are sales of location 1 (Beauty Lab, Moscow) from the mock API's seed: one whose
 * receipt failed (printing it again is legitimate) and one that printed (a second is a duplicate).
 * The form's controls keep their choices, so the dialog can be tried out in Storybook.
 */
const printedSale = storyData.row(
  storyData.find(1, (t) => t.type.id === 0 && t.status.id === 1),
  1,
)
const NO_CONNECTION = 'Could not reach the server. Check the connection.'

/** The dialog with the form's choices kept in local state, as the page keeps them (callbacks still fire). */
function InteractiveDialog(args: PrintBillDialogProps) {
  const [chosen, setChosen] = useState<Partial<PrintBillDialogProps>>({})
  const choose = (patch: Partial<PrintBillDialogProps>) => setChosen((c) => ({ ...c, ...patch }))
  return (
    <PrintBillDialog
      {...args}
      {...chosen}
      onDocumentChange={(documentValue) => {
        args.onDocumentChange(documentValue)
        choose({ documentValue })
      }}
      onOperationChange={(operation) => {
        args.onOperationChange(operation)
        choose({ operation })
      }}
      onUsePosTerminalChange={(usePosTerminal) => {
        args.onUsePosTerminalChange(usePosTerminal)
        choose({ usePosTerminal })
      }}
      onDuplicateAcknowledgedChange={(duplicateAcknowledged) => {
        args.onDuplicateAcknowledgedChange(duplicateAcknowledged)
        choose({ duplicateAcknowledged })
      }}
    />
  )
}

const meta = {
  title: 'Components/PrintBillDialog',
  component: PrintBillDialog,
  tags: ['autodocs'],
  args: READY_TO_PRINT,
  render: (args) => <InteractiveDialog {...args} />,
} satisfies Meta<typeof PrintBillDialog>

export default meta
type Story = StoryObj<typeof meta>

const dialog = () => screen.findByRole('dialog', { name: 'Print receipt' })

/** The log holds no earlier receipt: the document, the operation and the sum, and Print. */
export const ReadyClear: Story = {
  play: async ({ args }) => {
    const view = within(await dialog())
    const receipt = view.getByRole('table', { name: 'Receipt to print' })
    await expect(receipt).toHaveTextContent(failedSale.document)
    await expect(receipt).toHaveTextContent(failedSale.sum)
    await userEvent.click(view.getByRole('radio', { name: 'Sale return' }))
    await expect(args.onOperationChange).toHaveBeenCalledWith('return')
    await userEvent.click(view.getByRole('switch', { name: /Use card terminal/ }))
    await expect(args.onUsePosTerminalChange).toHaveBeenCalledWith(true)
    await userEvent.click(view.getByRole('button', { name: 'Print' }))
    await expect(args.onConfirm).toHaveBeenCalledOnce()
  },
}

/** Reading the log for earlier receipts: Print waits for the answer. */
export const Checking: Story = {
  args: { check: { state: 'checking' } },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByText('Looking for earlier receipts in the log…')).toBeVisible()
    await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled()
  },
}

/** The sale already printed: a second receipt is a deliberate choice. */
export const DuplicateWarning: Story = {
  args: {
    documentValue: documentIdOf(printedSale.document),
    documentLabel: printedSale.document,
    sum: printedSale.sum,
    check: {
      state: 'duplicate',
      reason: 'printed',
      message: `The log already holds a successful sale receipt for this document, printed at ${printedSale.printedAt}.`,
    },
  },
  play: async ({ args }) => {
    const view = within(await dialog())
    await expect(view.getByRole('alert')).toHaveTextContent('Already printed')
    await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled()
    await userEvent.click(view.getByRole('checkbox', { name: 'Print a second receipt anyway' }))
    await expect(args.onDuplicateAcknowledgedChange).toHaveBeenCalledWith(true)
    await waitFor(() => expect(view.getByRole('button', { name: 'Print' })).toBeEnabled())
  },
}
export const DuplicateWarningDark: Story = inDarkScheme(DuplicateWarning)

/** The log could not be read: printing without the check is allowed, but only when ticked. */
export const CheckFailed: Story = {
  args: {
    check: {
      state: 'failed',
      message: `${NO_CONNECTION} An earlier receipt cannot be ruled out.`,
    },
  },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByRole('alert')).toHaveTextContent('Could not check the log')
    await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled()
    await expect(view.getByRole('checkbox', { name: 'Print without checking' })).not.toBeChecked()
  },
}

/** The toolbar's "Print receipt": the cashier types the document id, checked before anything is sent. */
export const EditableDocumentIdInvalid: Story = {
  args: {
    documentEditable: true,
    documentValue: '12a',
    documentError: 'A document id is a positive whole number.',
    documentLabel: null,
    sum: null,
    check: { state: 'idle' },
  },
  play: async ({ args }) => {
    const view = within(await dialog())
    const input = view.getByRole('textbox', { name: 'Document id' })
    await expect(input).toHaveAccessibleDescription('A document id is a positive whole number.')
    await expect(view.getByRole('table', { name: 'Receipt to print' })).toHaveTextContent(
      'Not in the log',
    )
    await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled()
    await userEvent.type(input, '3')
    await expect(args.onDocumentChange).toHaveBeenLastCalledWith('12a3')
  },
}

/** The one POST is on its way: nothing can be changed, sent again or cancelled; only hidden. */
export const Sending: Story = {
  args: { phase: { kind: 'sending' } },
  play: async ({ args }) => {
    const view = within(await dialog())
    await expect(view.getByRole('status')).toHaveTextContent('Sending to the register…')
    await expect(view.getByRole('status')).toHaveTextContent(/hiding this leaves it running/)
    await expect(view.queryByRole('radio', { name: 'Sale return' })).not.toBeInTheDocument()
    await expect(view.getByRole('button', { name: /Print/ })).toBeDisabled()
    await expect(view.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument()
    await userEvent.click(view.getByRole('button', { name: 'Hide' }))
    await expect(args.onClose).toHaveBeenCalledOnce()
  },
}

/** The register has the receipt; the new transaction is followed to its final status. */
export const Following: Story = {
  args: { phase: { kind: 'following', statusLabel: 'Sent for printing' } },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByRole('status')).toHaveTextContent('Status: Sent for printing.')
    await expect(view.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument()
    // The print goes on: the footer hides the dialog (the header's × is the other way out).
    await expect(view.getByRole('button', { name: 'Hide' })).toBeVisible()
    await expect(view.getAllByRole('button', { name: 'Close' })).toHaveLength(1)
  },
}

export const Succeeded: Story = {
  args: { phase: { kind: 'succeeded', statusLabel: 'Success' } },
  play: async ({ args }) => {
    const view = within(await dialog())
    await expect(view.getByRole('status')).toHaveTextContent('Receipt printed')
    await userEvent.click(view.getAllByRole('button', { name: 'Close' }).at(-1) as HTMLElement)
    await expect(args.onClose).toHaveBeenCalled()
  },
}

/** The API said no (422, with its field errors): nothing was printed, the form stays for a new try. */
export const FailedRefused: Story = {
  args: {
    phase: {
      kind: 'failed',
      title: 'Not printed: The server did not accept the request',
      message: 'An error has occurred.',
      details: ['The document cannot be printed in its current state.'],
    },
  },
  play: async ({ args }) => {
    const view = within(await dialog())
    const alert = view.getByRole('alert')
    await expect(alert).toHaveTextContent('Not printed: The server did not accept the request')
    await expect(alert).toHaveTextContent('The document cannot be printed in its current state.')
    // A new attempt, and the button says so.
    await userEvent.click(view.getByRole('button', { name: 'Print again' }))
    await expect(args.onConfirm).toHaveBeenCalledOnce()
  },
}

/** The receipt reached the register, which reported a connection error (status 0). */
export const FailedRegisterCouldNotPrint: Story = {
  args: {
    phase: {
      kind: 'failed',
      title: 'The register could not print',
      message: 'Status: Connection error.',
      details: [],
    },
  },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByRole('alert')).toHaveTextContent('The register could not print')
  },
}

/** The answer was lost (the register may have printed): the log is being read. */
export const UnknownChecking: Story = {
  args: { phase: { kind: 'unknown', checking: true, foundLabel: null, message: NO_CONNECTION } },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByRole('alert')).toHaveTextContent('Result unknown')
    await expect(view.getByText('Checking the log for this document…')).toBeVisible()
    await expect(view.queryByRole('button', { name: 'Print again' })).not.toBeInTheDocument()
  },
}

/** The log shows the receipt the lost answer was about: printing again would print it twice. */
export const UnknownFound: Story = {
  args: {
    phase: {
      kind: 'unknown',
      checking: false,
      foundLabel: `${failedSale.document}, Sent for printing`,
      message: NO_CONNECTION,
    },
  },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByRole('alert')).toHaveTextContent('Do not print again.')
    await expect(view.queryByRole('button', { name: 'Print again' })).not.toBeInTheDocument()
  },
}

/** No new receipt in the log: the cashier may look again, or print again knowingly. */
export const UnknownNoneFound: Story = {
  args: { phase: { kind: 'unknown', checking: false, foundLabel: null, message: NO_CONNECTION } },
  play: async ({ args }) => {
    const view = within(await dialog())
    await expect(view.getByText('The log shows no new receipt for this document.')).toBeVisible()
    await userEvent.click(view.getByRole('button', { name: 'Check the log again' }))
    await expect(args.onCheckAgain).toHaveBeenCalledOnce()
    await userEvent.click(view.getByRole('button', { name: 'Print again' }))
    await expect(args.onPrintAgain).toHaveBeenCalledOnce()
  },
}
export const UnknownNoneFoundNarrowTablet: Story = onNarrowTablet(UnknownNoneFound)

/** No final status after the follow's time bound: check the register, do not print again. */
export const GaveUp: Story = {
  args: { phase: { kind: 'gave-up', statusLabel: 'Sent for printing', seconds: 60 } },
  play: async () => {
    const view = within(await dialog())
    await expect(view.getByRole('alert')).toHaveTextContent(
      'After 60 s the receipt is still “Sent for printing”.',
    )
    await expect(view.queryByRole('button', { name: 'Print' })).not.toBeInTheDocument()
  },
}

/** The dialog in Russian: its words from the preference, the receipt as the page shows it in ru-RU. */
const failedSaleInRussian = storyData.row(failedTransaction, 1, { t: ru, intlLocale: 'ru-RU' })
export const Russian: Story = {
  args: { documentLabel: failedSaleInRussian.document, sum: failedSaleInRussian.sum },
  parameters: { app: { preferences: { locale: 'ru' } } },
  play: async ({ args }) => {
    const view = within(await screen.findByRole('dialog', { name: ru.print.title }))
    const receipt = view.getByRole('table', { name: ru.print.receipt })
    await expect(receipt).toHaveTextContent(failedSaleInRussian.document)
    // ru-RU money: a comma before the kopecks and the rouble sign after the figure.
    await expect(receipt).toHaveTextContent(/\d,\d{2}\s₽/)
    await expect(view.getByRole('radio', { name: ru.print.sale })).toBeChecked()
    await userEvent.click(view.getByRole('button', { name: ru.print.print }))
    await expect(args.onConfirm).toHaveBeenCalledOnce()
  },
}
