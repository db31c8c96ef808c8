import { expect, fn, screen, userEvent, within } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import { inDarkScheme, onNarrowTablet, storyData } from '../../.storybook/decorators'
import { TransactionDetails } from './TransactionDetails'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** Transactions of location 1 (Beauty Lab, Moscow) from the mock API's seed, through the page's `toDetails`. */
const succeededSale = storyData.find(1, (t) => t.type.id === 0 && t.status.id === 1)
const failedSale = storyData.find(1, (t) => t.type.id === 0 && t.status.id === 3)
const shiftOpening = storyData.find(1, (t) => t.type.id === 4)

/** The status of a transaction as sent: the API may send an id newer than the contract lists. */
type ApiStatus = Parameters<typeof storyData.details>[0]['status']

const meta = {
  title: 'Components/TransactionDetails',
  component: TransactionDetails,
  tags: ['autodocs'],
  args: {
    details: storyData.details(succeededSale, 1),
    onClose: fn(),
    onPrint: fn(),
  },
} satisfies Meta<typeof TransactionDetails>

export default meta
type Story = StoryObj<typeof meta>

/** A sale that printed: every field, and a button to print its receipt again. */
export const SucceededSale: Story = {
  play: async ({ args }) => {
    const drawer = await screen.findByRole('dialog', { name: `Transaction ${succeededSale.id}` })
    for (const label of ['Transaction id', 'Printed at', 'As sent', 'Status', 'Cashier']) {
      await expect(within(drawer).getByRole('rowheader', { name: label })).toBeInTheDocument()
    }
    await userEvent.click(within(drawer).getByRole('button', { name: 'Print receipt' }))
    await expect(args.onPrint).toHaveBeenCalledWith(succeededSale.id)
    await userEvent.click(within(drawer).getByRole('button', { name: 'Close details' }))
    await expect(args.onClose).toHaveBeenCalledOnce()
  },
}
export const SucceededSaleDark: Story = inDarkScheme(SucceededSale)

/** A sale whose receipt failed (runtime error): the red badge, the API's own status title beside ours. */
export const FailedSale: Story = {
  args: { details: storyData.details(failedSale, 1) },
  play: async () => {
    const drawer = await screen.findByRole('dialog', { name: `Transaction ${failedSale.id}` })
    await expect(
      within(drawer).getByText('Runtime error (status 3, “Runtime error”)'),
    ).toBeInTheDocument()
  },
}

/** A shift opening prints no receipt for a document: no print button. */
export const NotPrintable: Story = {
  args: { details: storyData.details(shiftOpening, 1) },
  play: async () => {
    const drawer = await screen.findByRole('dialog', { name: `Transaction ${shiftOpening.id}` })
    await expect(within(drawer).getByText(/^Shift opening/)).toBeInTheDocument()
    await expect(
      within(drawer).queryByRole('button', { name: 'Print receipt' }),
    ).not.toBeInTheDocument()
  },
}

/**
 * Long values wrap inside the drawer: the longest cashier of the seed, an operation and a status
 * the console does not know (the API's titles), the old date format, a ten-digit document id.
 */
export const LongValues: Story = {
  args: {
    details: storyData.details(
      {
        ...failedSale,
        print_date: '2026-11-28 12:15:00',
        type: { id: 1, title: 'Sale return operation (refund of an advance payment, full amount)' },
        status: {
          id: 7,
          title:
            'Waiting for the fiscal data operator to confirm the receipt before the shift can be closed',
        } as unknown as ApiStatus,
        document: { id: 2_147_483_647, type: 9, type_title: 'Deposit replenishment' },
        cashier: { id: 1138456, name: 'Maria-Antonietta Konstantinopolskaya-Rimskaya' },
      },
      1,
    ),
  },
  play: async () => {
    const drawer = await screen.findByRole('dialog', { name: `Transaction ${failedSale.id}` })
    await expect(within(drawer).getByText(/\(status 7, “Waiting for the fiscal/)).toBeVisible()
    const body = within(drawer).getByRole('table')
    await expect(body.scrollWidth).toBeLessThanOrEqual(body.clientWidth)
  },
}
export const LongValuesNarrowTablet: Story = onNarrowTablet(LongValues)

/** The drawer in Russian: the page's view built in Russian (ru-RU dates and money), its buttons from the preference. */
export const Russian: Story = {
  args: {
    details: storyData.details(succeededSale, 1, { t: ru, intlLocale: 'ru-RU' }),
  },
  parameters: { app: { preferences: { locale: 'ru' } } },
  play: async ({ args }) => {
    const drawer = await screen.findByRole('dialog', { name: ru.details.title(succeededSale.id) })
    for (const label of [
      ru.details.id,
      ru.details.printedAt,
      ru.details.status,
      ru.details.cashier,
    ]) {
      await expect(within(drawer).getByRole('rowheader', { name: label })).toBeInTheDocument()
    }
    await userEvent.click(
      await within(drawer).findByRole('button', { name: ru.details.printReceipt }),
    )
    await expect(args.onPrint).toHaveBeenCalledWith(succeededSale.id)
    await expect(within(drawer).getByRole('button', { name: ru.common.closeDetails })).toBeVisible()
  },
}
