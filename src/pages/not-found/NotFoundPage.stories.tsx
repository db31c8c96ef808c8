import { expect } from 'storybook/test'
import { appStory, inDarkScheme, onNarrowTablet } from '../../../.storybook/decorators'
import { NotFoundPage } from './NotFoundPage'
import type { Meta, StoryObj } from '@storybook/react-vite'

const meta = {
  title: 'Pages/Not found',
  component: NotFoundPage,
} satisfies Meta<typeof NotFoundPage>

export default meta
type Story = StoryObj<typeof meta>

export const UnknownPath: Story = {
  ...appStory({ url: '/nope' }),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(canvas.getByText('There is no page at /nope.')).toBeVisible()
  },
}
export const UnknownPathDark: Story = inDarkScheme(UnknownPath)
export const UnknownPathNarrowTablet: Story = onNarrowTablet(UnknownPath)

/** A long pasted path wraps instead of widening the page. */
export const LongPath: Story = {
  ...appStory({ url: `/${'a-very-long-segment-'.repeat(12)}end` }),
  play: async ({ canvas, canvasElement }) => {
    await expect(await canvas.findByRole('heading', { name: 'Page not found' })).toBeVisible()
    const root = canvasElement.ownerDocument.documentElement
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth)
  },
}
export const LongPathNarrowTablet: Story = onNarrowTablet(LongPath)
