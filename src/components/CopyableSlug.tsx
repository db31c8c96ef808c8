import '@mantine/core/styles/Code.css'
import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useI18n } from '@/i18n'

/** A slug integrators paste into fiscal documents: shown as code, copied in one click. */
export function CopyableSlug({ slug }: { slug: string }) {
  const { t } = useI18n()
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ overflowWrap: 'anywhere' }}>{slug}</Code>
      <CopyButton value={slug} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t.common.copied : t.common.copy} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={copied ? t.common.copiedSlug(slug) : t.common.copySlug(slug)}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}
