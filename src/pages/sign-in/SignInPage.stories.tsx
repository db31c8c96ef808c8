import { expect } from 'storybook/test'
import { appStory, inDarkScheme, onNarrowTablet } from '../../../.storybook/decorators'
import { SignInPage } from './SignInPage'
import type { Meta, StoryObj } from '@storybook/react-vite'

const meta = {
  title: 'Pages/Sign in',
  component: SignInPage,
} satisfies Meta<typeof SignInPage>

export default meta
type Story = StoryObj<typeof meta>

const signIn = appStory({ url: '/sign-in', session: 'signed-out' })

export const SignedOut: Story = {
  ...signIn,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'KKM Console' })).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  },
}
export const SignedOutDark: Story = inDarkScheme(SignedOut)
export const SignedOutNarrowTablet: Story = onNarrowTablet(SignedOut)

/** A session from before: the protected page sends the user to sign in and remembers the way back. */
export const RedirectedFromAProtectedPage: Story = {
  ...appStory({ url: '/tax-systems/1', session: 'signed-out' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'KKM Console' })).toBeVisible()
  },
}

export const EmptySubmit: Story = {
  ...signIn,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in' }))
    await expect(await canvas.findByText('Partner token is required.')).toBeVisible()
    await expect(canvas.getByText('User token is required.')).toBeVisible()
    await expect(canvas.getByLabelText(/^Partner token/)).toHaveAccessibleDescription(
      /Partner token is required\./,
    )
  },
}
export const EmptySubmitDark: Story = inDarkScheme(EmptySubmit)
export const EmptySubmitNarrowTablet: Story = onNarrowTablet(EmptySubmit)

export const EmptyPasswordSubmit: Story = {
  ...signIn,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('radio', { name: 'Login and password' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await expect(await canvas.findByText('Partner token is required.')).toBeVisible()
    await expect(
      canvas.getByText('Login is required: a phone such as +13155550175 or an email.'),
    ).toBeVisible()
    await expect(canvas.getByText('Password is required.')).toBeVisible()
  },
}

export const UserTokenWithASpace: Story = {
  ...signIn,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^Partner token/), 'demo-partner-token')
    await userEvent.type(canvas.getByLabelText(/^User token/), 'demo user-token')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await expect(
      await canvas.findByText('User token must not contain spaces or line breaks.'),
    ).toBeVisible()
    await expect(canvas.queryByText('Partner token is required.')).not.toBeInTheDocument()
  },
}

export const WrongTokens: Story = {
  ...signIn,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^Partner token/), 'wrong-token')
    await userEvent.type(canvas.getByLabelText(/^User token/), 'wrong-token')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    // The API's 401 does not say which token it refused: both may be wrong, and where to get them.
    await expect(await canvas.findByText('The server refused the tokens')).toBeVisible()
    await expect(canvas.getByText('The server said: Authentication needed.')).toBeVisible()
    await expect(
      canvas.getByText('User token: From Settings → API access in Altegio.'),
    ).toBeVisible()
    await expect(canvas.getByRole('heading', { name: 'KKM Console' })).toBeVisible()
  },
}
export const WrongTokensDark: Story = inDarkScheme(WrongTokens)
export const WrongTokensNarrowTablet: Story = onNarrowTablet(WrongTokens)

export const SignsInWithTheDemoTokens: Story = {
  ...signIn,
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText(/^Partner token/), 'demo-partner-token')
    await userEvent.type(canvas.getByLabelText(/^User token/), 'demo-user-token')
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    // No location remembered yet: the start page asks which one.
    await expect(await canvas.findByRole('heading', { name: 'Choose a location' })).toBeVisible()
    // Tokens alone do not say who the user is: the shell says so.
    await expect(canvas.getByText('Staff member (user token)')).toBeInTheDocument()
  },
}

/** The mock API's shortcut: one click fills in the demo tokens. */
export const FillsInTheDemoTokens: Story = {
  ...signIn,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Fill in the demo tokens' }))
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
    await expect(await canvas.findByRole('heading', { name: 'Choose a location' })).toBeVisible()
  },
}

/** The page in Russian (the language preference, remembered): every label from the ru catalogue. */
export const Russian: Story = {
  ...appStory({ url: '/sign-in', session: 'signed-out', preferences: { locale: 'ru' } }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Войти' })).toBeEnabled()
    await expect(canvas.getByRole('radio', { name: 'Русский' })).toBeChecked()
  },
}
