import { expect } from 'storybook/test'
import { appStory, inDarkScheme, onNarrowTablet } from '../../../.storybook/decorators'
import { LockScreen } from './LockScreen'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * After 15 minutes without input the user token is forgotten (`lockSession()`): the page and its
 * filters stay in the URL, the lock asks for the token again before anything is shown or sent.
 */
const meta = {
  title: 'Pages/Lock screen',
  component: LockScreen,
} satisfies Meta<typeof LockScreen>

export default meta
type Story = StoryObj<typeof meta>

const locked = appStory({ url: '/locations/1/transactions?type=1', session: 'locked' })

export const Locked: Story = {
  ...locked,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Session locked' })).toBeVisible()
    await expect(canvas.getByText(/No activity for 15 minutes \(Helen Manager\)/)).toBeVisible()
    await expect(canvas.queryByRole('table')).not.toBeInTheDocument()
  },
}
export const LockedDark: Story = inDarkScheme(Locked)
export const LockedNarrowTablet: Story = onNarrowTablet(Locked)

export const EmptyToken: Story = {
  ...locked,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Unlock' }))
    await expect(await canvas.findByText('User token is required.')).toBeVisible()
  },
}

/** The API refuses the token: the lock stays, and says why. */
export const WrongToken: Story = {
  ...locked,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^User token/), 'wrong-token')
    await userEvent.click(canvas.getByRole('button', { name: 'Unlock' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Not signed in')
    await expect(alert).toHaveTextContent('Authentication needed.')
    await expect(canvas.getByRole('heading', { name: 'Session locked' })).toBeVisible()
  },
}
export const WrongTokenDark: Story = inDarkScheme(WrongToken)

/** The right token: back to the same page, with its filters. */
export const Unlocks: Story = {
  ...locked,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^User token/), 'demo-user-token')
    await userEvent.click(canvas.getByRole('button', { name: 'Unlock' }))
    await expect(
      await canvas.findByRole('heading', { name: 'Beauty Lab on Tverskaya' }),
    ).toBeVisible()
    await expect(canvas.getByRole('combobox', { name: 'Operation' })).toHaveValue('Sale return')
  },
}
