import { delay, http, HttpResponse } from 'msw'
import { expect, within } from 'storybook/test'
import type { Messages } from '@/i18n'
import { en } from '@/i18n/messages/en'
import { ru } from '@/i18n/messages/ru'
import {
  appStory,
  inDarkScheme,
  onNarrowTablet,
  type AppStoryOptions,
} from '../../../.storybook/decorators'
import { HomePage } from './HomePage'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * The start page at `/` when this browser remembers no location, through the real app on the
 * embedded mock API. The demo manager manages five locations: 1 Beauty Lab on Tverskaya (Moscow),
 * 2 Smile Dental Clinic, 3 the Almaty barbershop with a long name, 4 Wellness Spa Network HQ,
 * 5 Nail Studio Paris. Nothing here depends on the hour: the page lists locations, not receipts.
 */
const meta = {
  title: 'Pages/Home',
  component: HomePage,
} satisfies Meta<typeof HomePage>

export default meta
type Story = StoryObj<typeof meta>
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']
type Database = Parameters<NonNullable<AppStoryOptions['database']>>[0]

const HOME = '/'
const BEAUTY_LAB = 'Beauty Lab on Tverskaya'
const SMILE = 'Smile Dental Clinic'
const NAIL_STUDIO = 'Nail Studio Paris'
const LOCATION_COUNT = 5
const COMPANIES = '*/api/v1/companies'

/** The demo manager (user 1) manages only these locations. */
const managing =
  (locationIds: number[]) =>
  (db: Database): void => {
    const manager = db.users.find((user) => user.id === 1)
    if (!manager) throw new Error('The mock database has no demo manager')
    manager.locationIds = locationIds
  }

const pageHeading = (canvas: Canvas, name: string) =>
  canvas.findByRole('heading', { level: 1, name })

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A location's link by its name: the title it shows first, the hidden "(transaction log)" last. */
const linkName = (title: string, t: Messages = en) =>
  new RegExp(`^${escape(title)} .*${escape(t.home.opensLog)}$`)
const ANY_LOCATION = new RegExp(`${escape(en.home.opensLog)}$`)

const locationLinks = (canvas: Canvas) => canvas.findAllByRole('link', { name: ANY_LOCATION })

/** Every location the manager manages, each a link to its log; nothing is chosen for them. */
export const ChooseALocation: Story = {
  ...appStory({ url: HOME }),
  play: async ({ canvas }) => {
    await expect(await pageHeading(canvas, en.home.title)).toBeVisible()
    await expect(canvas.getByText(en.home.intro)).toBeVisible()
    await expect(await locationLinks(canvas)).toHaveLength(LOCATION_COUNT)
    const beauty = canvas.getByRole('link', { name: linkName(BEAUTY_LAB) })
    await expect(beauty).toBeVisible()
    await expect(beauty).toHaveAttribute('href', '/locations/1/transactions')
    // The line under the name: where the location is.
    await expect(within(beauty).getByText('Moscow, Tverskaya St, 12')).toBeVisible()
    await expect(canvas.getByRole('link', { name: linkName(NAIL_STUDIO) })).toHaveAttribute(
      'href',
      '/locations/5/transactions',
    )
  },
}
export const DarkScheme: Story = inDarkScheme(ChooseALocation)
export const NarrowTablet: Story = onNarrowTablet(ChooseALocation)

/** A click opens the location's log (and the console remembers the choice). */
export const ChoosingOpensItsLog: Story = {
  ...appStory({ url: HOME }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('link', { name: linkName(SMILE) }))
    await expect(await pageHeading(canvas, SMILE)).toBeVisible()
    await expect(canvas.queryByRole('heading', { name: en.home.title })).not.toBeInTheDocument()
  },
}

/** With one location there is nothing to choose: straight to its log. */
export const OneLocation: Story = {
  ...appStory({ url: HOME, database: managing([2]) }),
  play: async ({ canvas }) => {
    await expect(await pageHeading(canvas, SMILE)).toBeVisible()
    await expect(canvas.queryByRole('heading', { name: en.home.title })).not.toBeInTheDocument()
  },
}

/** The locations are still on their way: skeletons under the heading, not a blank page. */
export const Loading: Story = {
  ...appStory({ url: HOME }),
  beforeEach({ msw }) {
    msw.use(
      http.get(COMPANIES, async () => {
        await delay('infinite')
      }),
    )
  },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status', { name: en.home.loading })).toHaveAttribute(
      'aria-busy',
      'true',
    )
    await expect(canvas.getByRole('heading', { level: 1, name: en.home.title })).toBeVisible()
    await expect(canvas.queryByRole('link', { name: ANY_LOCATION })).not.toBeInTheDocument()
  },
}

/** The list of locations answers 500 once: the page says so, and Try again brings the list. */
export const LocationsFailed: Story = {
  ...appStory({ url: HOME }),
  beforeEach({ msw }) {
    msw.use(
      http.get(
        COMPANIES,
        () =>
          HttpResponse.json(
            { success: false, data: null, meta: { message: 'Internal server error.' } },
            { status: 500 },
          ),
        { once: true },
      ),
    )
  },
  play: async ({ canvas, userEvent }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent(en.errors.server)
    await expect(alert).toHaveTextContent('Internal server error.')
    await userEvent.click(within(alert).getByRole('button', { name: en.errors.tryAgain }))
    await expect(await locationLinks(canvas)).toHaveLength(LOCATION_COUNT)
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument()
  },
}

/** A user the API lists no location for: no log to open, but tax systems work without one. */
export const NoLocations: Story = {
  ...appStory({ url: HOME, database: managing([]) }),
  play: async ({ canvas, userEvent }) => {
    const message = await canvas.findByText(en.home.noLocations)
    await expect(message).toBeVisible()
    const status = message.closest<HTMLElement>('[role="status"]')
    if (!status) throw new Error('The empty state is not a status')
    await expect(within(status).getByText(en.home.noLocationsHint('Altegio'))).toBeVisible()
    await expect(canvas.queryByRole('link', { name: ANY_LOCATION })).not.toBeInTheDocument()
    await userEvent.click(within(status).getByRole('link', { name: en.shell.taxSystems }))
    await expect(await pageHeading(canvas, en.taxSystems.title)).toBeVisible()
  },
}

/** The page in Russian (the language preference): the catalogue loads on its own, then shows. */
export const Russian: Story = {
  ...appStory({ url: HOME, preferences: { locale: 'ru' } }),
  play: async ({ canvas }) => {
    await expect(await pageHeading(canvas, ru.home.title)).toBeVisible()
    await expect(canvas.getByText(ru.home.intro)).toBeVisible()
    await expect(
      await canvas.findByRole('link', { name: linkName(BEAUTY_LAB, ru) }),
    ).toHaveAttribute('href', '/locations/1/transactions')
    await expect(
      canvas.getAllByRole('link', { name: new RegExp(`${escape(ru.home.opensLog)}$`) }),
    ).toHaveLength(LOCATION_COUNT)
  },
}
