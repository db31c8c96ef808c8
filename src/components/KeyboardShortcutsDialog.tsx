import '@mantine/core/styles/Table.css'
// Kbd's styles travel with this lazily loaded dialog, not with every page (src/styles.ts).
import '@mantine/core/styles/Kbd.css'
import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { Fragment, useId } from 'react'
import { useI18n } from '@/i18n'

/** One shortcut as the dialog lists it: the keys as printed on the keyboard, and what they do. */
export interface ShortcutView {
  keys: string[]
  label: string
}

/** Shortcuts that work in one place: "Everywhere", "On a location's log". */
export interface ShortcutGroupView {
  title: string
  shortcuts: ShortcutView[]
}

export interface KeyboardShortcutsDialogProps {
  opened: boolean
  onClose: () => void
  /** After the closing transition: the caller gives focus back to what opened the dialog. */
  onClosed?: () => void
  groups: ShortcutGroupView[]
}

/** The list behind `?` and the header's keyboard button. */
export function KeyboardShortcutsDialog({
  opened,
  onClose,
  onClosed,
  groups,
}: KeyboardShortcutsDialogProps) {
  const titleId = useId()
  const TEXT = useI18n().t.shortcuts
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      // Mounted already open the first time (it is loaded on demand): the caller returns focus.
      returnFocus={false}
      title={<span id={titleId}>{TEXT.title}</span>}
      aria-labelledby={titleId}
      closeButtonProps={{ 'aria-label': TEXT.close }}
    >
      <Stack>
        {groups.map((group) => (
          <Stack gap="xs" key={group.title}>
            <Title order={3} size="h5">
              {group.title}
            </Title>
            <Table aria-label={`${TEXT.title}: ${group.title}`} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">{TEXT.key}</Table.Th>
                  <Table.Th>{TEXT.action}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.shortcuts.map((shortcut) => (
                  <Table.Tr key={shortcut.label}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {shortcut.keys.map((key, index) => (
                          <Fragment key={key}>
                            {index > 0 && (
                              <Text span size="sm" c="dimmed">
                                {TEXT.or}
                              </Text>
                            )}
                            <Kbd>{key}</Kbd>
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{shortcut.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        <Text size="sm" c="dimmed">
          {TEXT.note}
        </Text>
      </Stack>
    </Modal>
  )
}
