import { Box } from '@mantine/core'
import { expect, waitFor } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import { PageHeader } from './PageHeader'
import type { Meta, StoryObj } from '@storybook/react-vite'

const meta = {
  title: 'Components/PageHeader',
  component: PageHeader,
  tags: ['autodocs'],
  args: {
    title: 'Tax systems and VAT rates',
    intro:
      'The slugs fiscal integrations send with each receipt. Click a slug’s button to copy it.',
  },
} satisfies Meta<typeof PageHeader>

export default meta
type Story = StoryObj<typeof meta>

/** The page's one h1, the line under it, and the browser tab named after it. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('heading', { level: 1, name: 'Tax systems and VAT rates' }),
    ).toBeVisible()
    await waitFor(() => expect(document.title).toBe('Tax systems and VAT rates · KKM Console'))
  },
}

/** A location's name with no break opportunities wraps inside a narrow column. */
export const LongTitleInNarrowColumn: Story = {
  args: {
    title: `Barbershop_Brooklyn_${'Dostyk_Avenue_'.repeat(6)}second_floor`,
    intro: 'KKM transaction log · times in Asia/Almaty',
  },
  decorators: [
    (Story) => (
      <Box w={240}>
        <Story />
      </Box>
    ),
  ],
  play: async ({ canvas, canvasElement }) => {
    const heading = canvas.getByRole('heading', { level: 1 })
    await expect(heading.scrollWidth).toBeLessThanOrEqual(heading.clientWidth + 1)
    await expect(canvasElement.scrollWidth).toBeLessThanOrEqual(canvasElement.clientWidth + 1)
  },
}

/** In Russian the tab says the Russian name of the console after the page's. */
export const Russian: Story = {
  args: { title: ru.overview.title, intro: ru.overview.intro(5) },
  parameters: { app: { preferences: { locale: 'ru' } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { level: 1, name: ru.overview.title })).toBeVisible()
    await waitFor(() => expect(document.title).toBe(`${ru.overview.title} · ${ru.app.name}`))
  },
}
