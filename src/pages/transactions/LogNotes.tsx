import { Alert, Stack, Text } from '@mantine/core'
import { useI18n } from '@/i18n'

/** What the link asked for that the log could not honour, and what it shows instead. */
export function LogNotes({ notes, onDismiss }: { notes: string[]; onDismiss: () => void }) {
  const { t } = useI18n()
  if (notes.length === 0) return null
  return (
    <Alert
      color="yellow"
      title={t.log.notesTitle}
      withCloseButton
      closeButtonLabel={t.common.dismiss}
      onClose={onDismiss}
    >
      <Stack gap={2}>
        {notes.map((note) => (
          <Text size="sm" key={note}>
            {t.log.noteDefault(note)}
          </Text>
        ))}
      </Stack>
    </Alert>
  )
}
