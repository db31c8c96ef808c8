import { Box } from '@mantine/core'
import { expect } from 'storybook/test'
import { inDarkScheme, mockClipboard } from '../../.storybook/decorators'
import { CurlPreview, toCurl, type CurlRequest } from './CurlPreview'
import type { Meta, StoryObj } from '@storybook/react-vite'

/** A KKM callback as the callback page passes it: credentials already masked. */
const callback: CurlRequest = {
  method: 'POST',
  url: 'https://kkm.example.com/api/v1/integration/kkm/callback',
  headers: [
    ['Accept', 'application/vnd.api.v2+json'],
    ['Authorization', 'Bearer ••••••, User ••••••'],
    ['Content-Type', 'application/json'],
  ],
  body: JSON.stringify({
    id: '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10',
    status: 'success',
    code: 0,
    message: '',
  }),
}

const meta = {
  title: 'Components/CurlPreview',
  component: CurlPreview,
  tags: ['autodocs'],
  args: {
    request: callback,
    description: 'Tokens are masked: replace each •••••• with your partner token and user token.',
  },
  beforeEach: mockClipboard,
} satisfies Meta<typeof CurlPreview>

export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {
  play: async ({ canvas }) => {
    const figure = canvas.getByRole('figure', { name: 'Request as curl' })
    await expect(figure).toHaveTextContent("-H 'Authorization: Bearer ••••••, User ••••••'")
    await expect(figure).toHaveTextContent(`--data-raw '${callback.body ?? ''}'`)
  },
}
export const DefaultDark: Story = inDarkScheme(Default)

export const Copied: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Copy curl' }))
    await expect(navigator.clipboard.writeText).toHaveBeenCalledWith(toCurl(callback))
    await expect(await canvas.findByRole('button', { name: 'Copied' })).toBeVisible()
  },
}

/** A quote in the body is escaped for the shell: `'\''` closes, escapes and reopens. */
export const QuoteInTheBody: Story = {
  args: {
    request: {
      ...callback,
      body: JSON.stringify({
        id: '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10',
        status: 'error',
        code: 2001,
        message: "The register's paper ran out",
      }),
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('figure', { name: 'Request as curl' })).toHaveTextContent(
      `"message":"The register'\\''s paper ran out"`,
    )
  },
}

/** Long URLs and bodies wrap inside a narrow column instead of widening the page. */
export const NarrowColumn: Story = {
  args: {
    request: {
      ...callback,
      body: JSON.stringify({
        id: '0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10',
        status: 'error',
        code: 1002,
        message: `Position 3: unknown VAT slug ${'ru_vat_none_'.repeat(12)}`,
      }),
    },
  },
  decorators: [
    (Story) => (
      <Box w={260}>
        <Story />
      </Box>
    ),
  ],
  play: async ({ canvasElement }) => {
    const column = canvasElement.querySelector('div')
    await expect(column?.scrollWidth).toBeLessThanOrEqual(260)
  },
}
