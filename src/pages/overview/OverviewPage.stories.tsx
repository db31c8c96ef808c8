import { delay, http, HttpResponse } from 'msw'
import { configure, expect, getConfig, waitFor, within } from 'storybook/test'
import { STUCK_AFTER_MS } from '@/domain/durations'
import { ru } from '@/i18n/messages/ru'
import {
  appStory,
  inDarkScheme,
  onNarrowTablet,
  type AppStoryOptions,
} from '../../../.storybook/decorators'
import { OverviewPage } from './OverviewPage'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * Today at every location the demo manager manages, through the real app on the embedded mock
 * API: 1 Beauty Lab on Tverskaya (Moscow), 2 Smile Dental Clinic, 3 the Almaty barbershop with a
 * long name, 4 the busy Wellness Spa Network HQ, 5 Nail Studio Paris with an empty log. Figures
 * depend on the hour at each location (the mock's day starts at 09:00 there).
 */
const meta = {
  title: 'Pages/Overview',
  component: OverviewPage,
  // Five locations' days and a shift look-back under the rate limit (5 a second) take a while on
  // a busy two-core machine: wait up to 15 s for what the stories expect (preview.tsx says 5).
  beforeEach() {
    const { asyncUtilTimeout } = getConfig()
    configure({ asyncUtilTimeout: 15_000 })
    return () => configure({ asyncUtilTimeout })
  },
} satisfies Meta<typeof OverviewPage>

export default meta
type Story = StoryObj<typeof meta>

const OVERVIEW = '/overview'
const BEAUTY_LAB = 'Beauty Lab on Tverskaya'
const SMILE = 'Smile Dental Clinic'
const NAIL_STUDIO = 'Nail Studio Paris'
const LOCATION_COUNT = 5

/** The stuck receipt these stories add: a visit at Beauty Lab, sent for printing 12 minutes ago. */
const STUCK_DOCUMENT_ID = 777_002
const STUCK_TRANSACTION_ID = 900_101
const MOSCOW_OFFSET_MS = 3 * 3_600_000

type Database = Parameters<NonNullable<AppStoryOptions['database']>>[0]

/** When the stuck receipt was sent: 12 minutes ago, never before today's midnight in Moscow. */
function stuckSentAt(now = Date.now()): number {
  const dayMs = 86_400_000
  const midnight = Math.floor((now + MOSCOW_OFFSET_MS) / dayMs) * dayMs - MOSCOW_OFFSET_MS
  return Math.max(now - 12 * 60_000, midnight)
}

/** ISO 8601 with Moscow's offset, as the API writes Beauty Lab's dates. */
function inMoscow(epochMs: number): string {
  return `${new Date(epochMs + MOSCOW_OFFSET_MS).toISOString().slice(0, 23)}+03:00`
}

function withStuckReceipt(db: Database): void {
  db.transactions.get(1)?.unshift({
    id: STUCK_TRANSACTION_ID,
    print_date: inMoscow(stuckSentAt()),
    printed_count: 0,
    sum: 2500,
    type: { id: 0, title: 'Sale operation' },
    status: { id: 2, title: 'Sent for printing' },
    document: { id: STUCK_DOCUMENT_ID, type: 7, type_title: 'Visit' },
    cashier: { id: 1138454, name: 'Anna Petrova' },
  })
}

/** A location's card, by its heading. */
const card = (canvas: Parameters<NonNullable<Story['play']>>[0]['canvas'], name: string) =>
  canvas.findByRole('region', { name })

export const Today: Story = {
  ...appStory({ url: OVERVIEW, database: withStuckReceipt }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { level: 1, name: 'Overview' })).toBeVisible()
    await expect(await canvas.findAllByRole('region')).toHaveLength(LOCATION_COUNT)
    const beauty = within(await card(canvas, BEAUTY_LAB))
    // The seeded receipt counts under its status whatever the hour.
    await expect(
      await beauty.findByRole('link', { name: /receipts? with status Sent for printing at / }),
    ).toBeVisible()
    // Stuck once it is more than 5 minutes old (not in the first minutes after midnight).
    if (Date.now() - stuckSentAt() > STUCK_AFTER_MS) {
      await expect(
        beauty.getByRole('link', {
          name: new RegExp(
            `^Visit #${STUCK_DOCUMENT_ID} stuck at “Sent for printing” for .+ \\(transaction ${STUCK_TRANSACTION_ID}\\) at ${BEAUTY_LAB}$`,
          ),
        }),
      ).toBeVisible()
    }
    // Read from today's log, or looked back for when today's log has no opening or closing.
    await expect(
      await beauty.findByRole('link', { name: /^(Shift |No shift today)/ }),
    ).toBeVisible()
    const nails = within(await card(canvas, NAIL_STUDIO))
    await expect(await nails.findByText(/^No transactions yet today/)).toBeVisible()
    await expect(
      await nails.findByRole('link', { name: `No shift today at ${NAIL_STUDIO}` }),
    ).toBeVisible()
  },
}
export const TodayDark: Story = inDarkScheme(Today)
export const TodayNarrowTablet: Story = onNarrowTablet(Today)

/** The locations are known; every location's log is still on its way. */
export const Loading: Story = {
  ...appStory({ url: OVERVIEW }),
  beforeEach({ msw }) {
    msw.use(
      http.get('*/api/v1/kkm_transactions/:locationId', async () => {
        await delay('infinite')
      }),
    )
  },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('status', { name: `Loading today’s transactions at ${BEAUTY_LAB}` }),
    ).toHaveAttribute('aria-busy', 'true')
    await expect(
      canvas.getByRole('status', { name: `Loading today’s transactions at ${NAIL_STUDIO}` }),
    ).toBeVisible()
  },
}

/** Smile Dental's log answers 500: its card says so and offers a retry; the others carry on. */
export const OneLocationFailing: Story = {
  ...appStory({ url: OVERVIEW }),
  beforeEach({ msw }) {
    msw.use(
      http.get('*/api/v1/kkm_transactions/2', () =>
        HttpResponse.json(
          { success: false, data: null, meta: { message: 'Internal server error.' } },
          { status: 500 },
        ),
      ),
    )
  },
  play: async ({ canvas }) => {
    const smile = within(await card(canvas, SMILE))
    const alert = await smile.findByRole('alert')
    await expect(alert).toHaveTextContent('The server had a problem')
    await expect(smile.getByRole('button', { name: 'Try again' })).toBeEnabled()
    const beauty = within(await card(canvas, BEAUTY_LAB))
    await expect(await beauty.findByRole('heading', { name: 'Today’s transactions' })).toBeVisible()
    await expect(beauty.queryByRole('alert')).not.toBeInTheDocument()
    await expect(canvas.getAllByRole('alert')).toHaveLength(1)
  },
}
export const OneLocationFailingNarrowTablet: Story = onNarrowTablet(OneLocationFailing)

/** Early morning everywhere: no location has printed anything today, and no shift is open. */
export const NothingYetToday: Story = {
  ...appStory({
    url: OVERVIEW,
    database: (db) => {
      for (const id of db.transactions.keys()) db.transactions.set(id, [])
    },
  }),
  play: async ({ canvas }) => {
    // Cards fill in one by one, under the rate limit: wait for all of them.
    await waitFor(() =>
      expect(canvas.getAllByText(/^No transactions yet today/)).toHaveLength(LOCATION_COUNT),
    )
    await waitFor(() =>
      expect(canvas.getAllByRole('link', { name: /^No shift today at / })).toHaveLength(
        LOCATION_COUNT,
      ),
    )
  },
}
export const NothingYetTodayDark: Story = inDarkScheme(NothingYetToday)

/** A user the API lists no location for. */
export const NoLocations: Story = {
  ...appStory({
    url: OVERVIEW,
    database: (db) => {
      for (const user of db.users) user.locationIds = []
    },
  }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('You manage no locations')).toBeVisible()
    await expect(canvas.queryByRole('region')).not.toBeInTheDocument()
  },
}

/**
 * The page in Russian (the language preference): headings from the ru catalogue, whatever the
 * hour (Nail Studio Paris's log is empty, so its card says so at any time of day).
 */
export const Russian: Story = {
  ...appStory({ url: OVERVIEW, preferences: { locale: 'ru' } }),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByRole('heading', { level: 1, name: ru.overview.title }),
    ).toBeVisible()
    const beauty = within(await card(canvas, BEAUTY_LAB))
    await expect(
      await beauty.findByRole('heading', { name: ru.overview.receiptsHeading }),
    ).toBeVisible()
    const nails = within(await card(canvas, NAIL_STUDIO))
    await expect(await nails.findByText(ru.overview.noReceipts)).toBeVisible()
  },
}
