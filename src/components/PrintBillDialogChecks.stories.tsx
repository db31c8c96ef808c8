import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import { onNarrowTablet } from '../../.storybook/decorators'
import { PrintBillDialog } from './PrintBillDialog'
import { READY_TO_PRINT } from './printBillStoryArgs'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * The print dialog's checks before a print (PrintBillDialog.stories.tsx has the print's own
 * steps): what the log says of the document, and what the Document id field takes. The
 * document is a sale of location 1 from the mock API's seed whose receipt failed.
 */
const NO_SALE =
  'The log of the last 30 days holds no successful sale receipt for this document: a return without a sale is a fiscal error.'

const meta = {
  title: 'Components/PrintBillDialog/Checks',
  component: PrintBillDialog,
  args: READY_TO_PRINT,
} satisfies Meta<typeof PrintBillDialog>

export default meta
type Story = StoryObj<typeof meta>

const dialog = async (name = 'Print receipt') => within(await screen.findByRole('dialog', { name }))

/** The same receipt is only in flight: it is being printed, not already printed. */
export const BeingPrinted: Story = {
  args: {
    check: {
      state: 'duplicate',
      reason: 'in-flight',
      message: 'A sale receipt for this document is being printed now (Sent for printing).',
    },
  },
  play: async ({ args }) => {
    const view = await dialog()
    const alert = view.getByRole('alert')
    await expect(alert).toHaveTextContent('Being printed')
    await expect(alert).not.toHaveTextContent('Already printed')
    await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled()
    await userEvent.click(view.getByRole('checkbox', { name: 'Print a second receipt anyway' }))
    await expect(args.onDuplicateAcknowledgedChange).toHaveBeenCalledWith(true)
  },
}

/** A return, and the log holds no successful sale to return: a fiscal error, warned of. */
export const ReturnWithoutSale: Story = {
  args: {
    operation: 'return',
    check: { state: 'duplicate', reason: 'no-sale', message: NO_SALE },
  },
  play: async () => {
    const view = await dialog()
    const alert = view.getByRole('alert')
    await expect(alert).toHaveTextContent('No sale to return')
    await expect(alert).toHaveTextContent(NO_SALE)
    await expect(view.getByRole('radio', { name: 'Sale return' })).toBeChecked()
    await expect(view.getByRole('button', { name: 'Print' })).toBeDisabled()
    await expect(view.getByRole('checkbox', { name: 'Print the return anyway' })).toBeVisible()
  },
}
export const ReturnWithoutSaleNarrowTablet: Story = onNarrowTablet(ReturnWithoutSale)

export const ReturnWithoutSaleRussian: Story = {
  args: {
    operation: 'return',
    check: { state: 'duplicate', reason: 'no-sale', message: ru.print.noSale(30) },
  },
  parameters: { app: { preferences: { locale: 'ru' } } },
  play: async () => {
    const view = await dialog(ru.print.title)
    await expect(view.getByRole('alert')).toHaveTextContent(ru.print.noSaleTitle)
    await expect(view.getByRole('checkbox', { name: ru.print.printReturnAnyway })).toBeVisible()
  },
}

/** The server refused the typed document: its field is marked, in a sentence of ours. */
export const DocumentIdRefusedByServer: Story = {
  args: {
    documentEditable: true,
    documentValue: '31337',
    documentError: 'Document 31337 was not found at this location.',
    documentLabel: 'Document #31337',
    sum: null,
    phase: {
      kind: 'failed',
      title: 'Not printed: The server did not accept the request',
      message: 'An error has occurred.',
      details: ['Document 31337 was not found at this location.'],
    },
  },
  play: async () => {
    const view = await dialog()
    const input = view.getByRole('textbox', { name: 'Document id' })
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAccessibleDescription(
      'Document 31337 was not found at this location.',
    )
    await expect(
      await screen.findByRole('dialog', { name: 'Print receipt' }),
    ).not.toHaveTextContent('document_id')
  },
}

/** A typed id, the log read: Enter moves on to Print, and prints nothing by itself. */
export const EnterMovesToPrint: Story = {
  args: {
    documentEditable: true,
    documentValue: '777001',
    documentLabel: 'Document #777001',
    sum: null,
  },
  play: async ({ args }) => {
    const view = await dialog()
    const input = view.getByRole('textbox', { name: 'Document id' })
    await waitFor(() => expect(input).toHaveFocus())
    await userEvent.keyboard('{Enter}')
    await expect(view.getByRole('button', { name: 'Print' })).toHaveFocus()
    await expect(args.onConfirm).not.toHaveBeenCalled()
  },
}

/** An id that is not a number: rejected at the field, and the receipt names no document. */
export const DocumentIdNotANumber: Story = {
  args: {
    documentEditable: true,
    documentValue: 'abc',
    documentError: 'A document id is a positive whole number.',
    documentLabel: null,
    sum: null,
    check: { state: 'idle' },
  },
  play: async () => {
    const view = await dialog()
    const receipt = view.getByRole('table', { name: 'Receipt to print' })
    await expect(receipt).not.toHaveTextContent('abc')
    await userEvent.keyboard('{Enter}')
    await expect(view.getByRole('textbox', { name: 'Document id' })).toHaveFocus()
  },
}
