import { expect, screen, waitFor, within } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import {
  appStory,
  inDarkScheme,
  onNarrowTablet,
  type AppParameters,
} from '../../../.storybook/decorators'
import { CallbackPage } from './CallbackPage'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * The integrator's KKM callback console, through the real app on the embedded mock API. The
 * stories that send a result first put a fiscalization waiting for one into the mock: a sale at
 * location 1, "sent for printing", whose fiscalization request is STORY_REQUEST_ID.
 */
const meta = {
  title: 'Pages/KKM callback',
  component: CallbackPage,
} satisfies Meta<typeof CallbackPage>

export default meta
type Story = StoryObj<typeof meta>
type Canvas = ReturnType<typeof within>
type User = Parameters<NonNullable<Story['play']>>[0]['userEvent']

const STORY_REQUEST_ID = '5f0c2a8e-3b7d-4e91-a6c4-7d2e9b1f0a35'
const UNKNOWN_REQUEST_ID = '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10'
const PENDING_TRANSACTION_ID = 900_101

const withPendingFiscalization: NonNullable<AppParameters['database']> = (db) => {
  db.transactions.get(1)?.unshift({
    id: PENDING_TRANSACTION_ID,
    print_date: new Date().toISOString(),
    printed_count: 0,
    sum: 1234.5,
    type: { id: 0, title: 'Sale' },
    status: { id: 2, title: 'Sent for printing' },
    document: { id: 777_101, type: 7, type_title: 'Visit' },
    cashier: { id: 1, name: 'Helen Manager' },
  })
  db.pendingCallbacks.set(STORY_REQUEST_ID, {
    locationId: 1,
    transactionId: PENDING_TRANSACTION_ID,
  })
}

const page = appStory({ url: '/callback', database: withPendingFiscalization })

const heading = (canvas: Canvas) => canvas.findByRole('heading', { name: 'KKM callback' })
const curl = (canvas: Canvas) => canvas.getByRole('figure', { name: 'Request as curl' })

async function fillRequestId(canvas: Canvas, userEvent: User, id: string) {
  await heading(canvas)
  await userEvent.click(canvas.getByRole('textbox', { name: /^Request id/ }))
  await userEvent.paste(id)
}

async function fillError(canvas: Canvas, userEvent: User, id: string) {
  await fillRequestId(canvas, userEvent, id)
  await userEvent.click(canvas.getByRole('radio', { name: 'Error' }))
  await userEvent.click(canvas.getByRole('combobox', { name: /^Code/ }))
  await userEvent.click(await screen.findByRole('option', { name: '2002 — Hardware unavailable' }))
  await userEvent.click(canvas.getByRole('textbox', { name: /^Message/ }))
  await userEvent.paste('The register did not answer.')
}

export const EmptyForm: Story = {
  ...page,
  play: async ({ canvas }) => {
    await expect(await heading(canvas)).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Send callback' })).toBeEnabled()
    await expect(canvas.getByRole('radio', { name: 'Success' })).toBeChecked()
    await expect(curl(canvas)).toHaveTextContent("-H 'Authorization: Bearer ••••••, User ••••••'")
    await expect(curl(canvas)).not.toHaveTextContent('demo-partner-token')
    await expect(curl(canvas)).not.toHaveTextContent('demo-user-token')
  },
}
export const EmptyFormDark: Story = inDarkScheme(EmptyForm)
export const EmptyFormNarrowTablet: Story = onNarrowTablet(EmptyForm)

/** A success, ready to send: the preview shows the body that will go. */
export const FilledSuccess: Story = {
  ...page,
  play: async ({ canvas, userEvent }) => {
    await fillRequestId(canvas, userEvent, STORY_REQUEST_ID)
    await expect(canvas.getByRole('combobox', { name: /^Code/ })).toHaveValue('0 — OK')
    await expect(curl(canvas)).toHaveTextContent(
      JSON.stringify({ id: STORY_REQUEST_ID, status: 'success', code: 0, message: '' }),
    )
  },
}
export const FilledSuccessDark: Story = inDarkScheme(FilledSuccess)

/** An error with a hardware code and a message, ready to send. */
export const FilledError: Story = {
  ...page,
  play: async ({ canvas, userEvent }) => {
    await fillError(canvas, userEvent, STORY_REQUEST_ID)
    await expect(curl(canvas)).toHaveTextContent(
      JSON.stringify({
        id: STORY_REQUEST_ID,
        status: 'error',
        code: 2002,
        message: 'The register did not answer.',
      }),
    )
  },
}
export const FilledErrorDark: Story = inDarkScheme(FilledError)
export const FilledErrorNarrowTablet: Story = onNarrowTablet(FilledError)

/** An error without a code or a message, and an id that is not a UUID: nothing is sent. */
export const InvalidForm: Story = {
  ...page,
  play: async ({ canvas, userEvent }) => {
    await fillRequestId(canvas, userEvent, 'not-a-uuid')
    await userEvent.click(canvas.getByRole('radio', { name: 'Error' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Send callback' }))
    await expect(await canvas.findByText(/^Request id must be a UUID/)).toBeVisible()
    await expect(canvas.getByText('Choose the code that says what went wrong.')).toBeVisible()
    await expect(
      canvas.getByText('Message is required for an error: say what went wrong.'),
    ).toBeVisible()
  },
}

/** The success is recorded: the answer is shown, the receipt moves to Success. */
export const SentSuccess: Story = {
  ...page,
  play: async ({ canvas, userEvent }) => {
    await fillRequestId(canvas, userEvent, STORY_REQUEST_ID)
    await userEvent.click(canvas.getByRole('button', { name: 'Send callback' }))
    await expect(await canvas.findByRole('status', { name: /Result recorded/ })).toHaveTextContent(
      STORY_REQUEST_ID,
    )
  },
}
export const SentSuccessDark: Story = inDarkScheme(SentSuccess)

/** No fiscalization request waits under this id: the API's 404, with what was typed kept. */
export const AfterA404: Story = {
  ...page,
  play: async ({ canvas, userEvent }) => {
    await fillError(canvas, userEvent, UNKNOWN_REQUEST_ID)
    await userEvent.click(canvas.getByRole('button', { name: 'Send callback' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Not found')
    await expect(alert).toHaveTextContent(UNKNOWN_REQUEST_ID)
    await expect(canvas.getByRole('textbox', { name: /^Request id/ })).toHaveValue(
      UNKNOWN_REQUEST_ID,
    )
  },
}
export const AfterA404Dark: Story = inDarkScheme(AfterA404)
export const AfterA404NarrowTablet: Story = onNarrowTablet(AfterA404)

/** A second result for the same request in this session is asked about first. */
export const AsksBeforeSendingAgain: Story = {
  ...page,
  play: async ({ canvas, userEvent }) => {
    await fillRequestId(canvas, userEvent, STORY_REQUEST_ID)
    await userEvent.click(canvas.getByRole('button', { name: 'Send callback' }))
    await canvas.findByRole('status', { name: /Result recorded/ })
    await userEvent.click(canvas.getByRole('button', { name: 'Send callback' }))
    const dialog = await screen.findByRole('dialog', { name: 'Send the result again?' })
    await expect(dialog).toHaveTextContent(
      /A result for this request was already sent at \d{2}:\d{2}\. Send again\?/,
    )
    // The modal fades in: visible once its transition ends.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Send again' })).toBeVisible(),
    )
  },
}
export const AsksBeforeSendingAgainDark: Story = inDarkScheme(AsksBeforeSendingAgain)

/** The page in Russian (the language preference): an empty send is refused in Russian too. */
export const Russian: Story = {
  ...appStory({ url: '/callback', preferences: { locale: 'ru' } }),
  play: async ({ canvas, userEvent }) => {
    await expect(
      await canvas.findByRole('heading', { level: 1, name: ru.callback.title }),
    ).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: ru.callback.send }))
    await expect(await canvas.findByText(ru.callback.requestIdRequired)).toBeVisible()
    await expect(
      canvas.getByRole('textbox', { name: new RegExp(`^${ru.callback.requestId}`) }),
    ).toBeInvalid()
  },
}
