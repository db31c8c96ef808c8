import { expect } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import {
  appStory,
  inDarkScheme,
  mockClipboard,
  onNarrowTablet,
} from '../../../.storybook/decorators'
import { TaxSystemsPage } from './TaxSystemsPage'
import type { Meta, StoryObj } from '@storybook/react-vite'

const meta = {
  title: 'Pages/Tax systems',
  component: TaxSystemsPage,
} satisfies Meta<typeof TaxSystemsPage>

export default meta
type Story = StoryObj<typeof meta>

export const NoCountryChosen: Story = {
  ...appStory({ url: '/tax-systems' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Choose a country to see its tax systems.')).toBeVisible()
  },
}
export const NoCountryChosenDark: Story = inDarkScheme(NoCountryChosen)
export const NoCountryChosenNarrowTablet: Story = onNarrowTablet(NoCountryChosen)

/** Country 1: the six systems of the API documentation's example. */
export const SixSystems: Story = {
  ...appStory({ url: '/tax-systems/1' }),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('heading', { name: 'Tax systems of Russia' }),
    ).toBeVisible()
    await expect(canvas.getAllByRole('region')).toHaveLength(6)
    await expect(canvas.getByRole('button', { name: 'Copy ru_osn' })).toBeVisible()
  },
}
export const SixSystemsDark: Story = inDarkScheme(SixSystems)
export const SixSystemsNarrowTablet: Story = onNarrowTablet(SixSystems)

export const CopyASlug: Story = {
  ...SixSystems,
  beforeEach: mockClipboard,
  play: async (context) => {
    await SixSystems.play?.(context)
    const { canvas, userEvent } = context
    await userEvent.click(canvas.getByRole('button', { name: 'Copy ru_osn' }))
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith('ru_osn')
    await expect(await canvas.findByRole('button', { name: 'Copied ru_osn' })).toBeVisible()
  },
}

/** Country 7 has no tax systems: receipts there carry no tax system slug. */
export const NoSystems: Story = {
  ...appStory({ url: '/tax-systems/7' }),
  play: async ({ canvas }) => {
    const message = await canvas.findByText(/^No tax systems are registered for/)
    await expect(message).toHaveAttribute('role', 'status')
  },
}
export const NoSystemsDark: Story = inDarkScheme(NoSystems)
export const NoSystemsNarrowTablet: Story = onNarrowTablet(NoSystems)

/** Not a number: refused before any request is made. */
export const BadCountryId: Story = {
  ...appStory({ url: '/tax-systems/abc' }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Not a country id')
    await expect(alert).toHaveTextContent('“abc” is not a country id.')
  },
}
export const BadCountryIdDark: Story = inDarkScheme(BadCountryId)
export const BadCountryIdNarrowTablet: Story = onNarrowTablet(BadCountryId)

/** A well-formed id the API does not know: its 404, in words. */
export const UnknownCountry: Story = {
  ...appStory({ url: '/tax-systems/999' }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Unknown country')
    await expect(alert).toHaveTextContent('The API does not know a country with id 999.')
  },
}
export const UnknownCountryDark: Story = inDarkScheme(UnknownCountry)
export const UnknownCountryNarrowTablet: Story = onNarrowTablet(UnknownCountry)

export const ServerError: Story = {
  ...appStory({
    url: '/tax-systems/1',
    scenario: { fault: 'server-error', faultOperation: 'listTaxSystems' },
  }),
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('The server had a problem')
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}
export const ServerErrorDark: Story = inDarkScheme(ServerError)
export const ServerErrorNarrowTablet: Story = onNarrowTablet(ServerError)

/** The API never answers (until the client's own timeout): skeletons, not a blank page. */
export const Loading: Story = {
  ...appStory({ url: '/tax-systems/1', scenario: { latencyMs: 1e9 } }),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('heading', { name: 'Tax systems and VAT rates' }),
    ).toBeVisible()
    await expect(canvas.getByLabelText('Loading tax systems')).toHaveAttribute('aria-busy', 'true')
  },
}
export const LoadingDark: Story = inDarkScheme(Loading)
export const LoadingNarrowTablet: Story = onNarrowTablet(Loading)

/** The page in Russian (the language preference): the country named in Russian, from its ISO code. */
export const Russian: Story = {
  ...appStory({ url: '/tax-systems/1', preferences: { locale: 'ru' } }),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('heading', { level: 1, name: ru.taxSystems.title }),
    ).toBeVisible()
    await expect(
      await canvas.findByRole('heading', { name: 'Налоговые системы: Россия' }),
    ).toBeVisible()
    await expect(canvas.getByRole('button', { name: ru.common.copySlug('ru_osn') })).toBeVisible()
  },
}
