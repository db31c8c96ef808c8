import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test'
import { ru } from '@/i18n/messages/ru'
import { inDarkScheme, onNarrowTablet, storyData } from '../../.storybook/decorators'
import { KeyboardShortcutsDialog } from './KeyboardShortcutsDialog'
import type { Meta, StoryObj } from '@storybook/react-vite'

/**
 * The list behind `?` and the header's keyboard button, with the shortcuts the shell binds
 * (pages/shortcuts.ts). The whole app with the shortcuts working is in Pages/Transactions.
 */
const meta = {
  title: 'Components/KeyboardShortcutsDialog',
  component: KeyboardShortcutsDialog,
  tags: ['autodocs'],
  args: {
    opened: true,
    onClose: fn(),
    onClosed: fn(),
    groups: storyData.shortcutGroups,
  },
} satisfies Meta<typeof KeyboardShortcutsDialog>

export default meta
type Story = StoryObj<typeof meta>

const dialog = () => screen.findByRole('dialog', { name: 'Keyboard shortcuts' })

/** Every shortcut with its key; Escape and the close button ask the caller to close. */
export const Open: Story = {
  play: async ({ args }) => {
    const view = within(await dialog())
    const everywhere = view.getByRole('table', { name: 'Keyboard shortcuts: Everywhere' })
    await expect(everywhere).toHaveTextContent('Switch location')
    await expect(everywhere).toHaveTextContent('Show these shortcuts')
    const log = view.getByRole('table', { name: /on a location’s transaction log/i })
    for (const label of ['Find a document', 'Print a receipt', 'Refresh the log'])
      await expect(log).toHaveTextContent(label)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(args.onClose).toHaveBeenCalled())
    await userEvent.click(view.getByRole('button', { name: 'Close' }))
    await expect(args.onClose).toHaveBeenCalledTimes(2)
  },
}

export const OpenDark: Story = inDarkScheme(Open)
export const OpenNarrowTablet: Story = onNarrowTablet(Open)

/** The dialog in Russian (the language preference), listing the groups the shell would build in Russian. */
export const Russian: Story = {
  args: {
    groups: storyData.shortcutGroupsIn(ru),
  },
  parameters: { app: { preferences: { locale: 'ru' } } },
  play: async () => {
    const view = within(await screen.findByRole('dialog', { name: ru.shortcuts.title }))
    const everywhere = view.getByRole('table', {
      name: `${ru.shortcuts.title}: ${ru.shortcuts.everywhere}`,
    })
    await expect(
      within(everywhere).getByRole('columnheader', { name: ru.shortcuts.key }),
    ).toBeVisible()
    await expect(everywhere).toHaveTextContent(ru.shortcuts.location)
    await expect(
      view.getByRole('table', { name: `${ru.shortcuts.title}: ${ru.shortcuts.log}` }),
    ).toHaveTextContent(ru.shortcuts.refresh)
    await expect(view.getByRole('button', { name: ru.shortcuts.close })).toBeVisible()
  },
}
