import '@mantine/core/styles/Code.css'
import { ActionIcon, Code, CopyButton, Group } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useI18n } from '@/i18n'

/**
 * A slug integrators paste into fiscal documents: shown as code, copied in one click. Its hint is
 * the native title, as in the log's rows: a tax page holds a dozen or more, and a Mantine Tooltip
 * on each (floating-ui's hooks and effects) was a large share of a phone's blocking time there.
 */
export function CopyableSlug({ slug }: { slug: string }) {
  const { t } = useI18n()
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ overflowWrap: 'anywhere' }}>{slug}</Code>
      <CopyButton value={slug} timeout={1500}>
        {({ copied, copy }) => {
          const label = copied ? t.common.copiedSlug(slug) : t.common.copySlug(slug)
          return (
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              title={label}
              aria-label={label}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          )
        }}
      </CopyButton>
    </Group>
  )
}
