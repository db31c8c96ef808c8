import '@mantine/core/styles/Code.css'
import { Box, Button, Code, CopyButton, Group, Text } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useId } from 'react'
import { useI18n } from '@/i18n'

export interface CurlRequest {
  method: string
  url: string
  /** In the order they are written. Credentials must arrive masked: this component shows what it gets. */
  headers: ReadonlyArray<readonly [name: string, value: string]>
  /** The raw body, e.g. JSON text. */
  body?: string
}

export interface CurlPreviewProps {
  request: CurlRequest
  /** Names the preview and its copy button. */
  title?: string
  /** A line under the title, e.g. how the masked tokens are filled in. */
  description?: string
}

/** POSIX single quotes: everything literal; a quote inside is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** The request as a curl command, one option per line. */
export function toCurl({ method, url, headers, body }: CurlRequest): string {
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(url)}`]
  for (const [name, value] of headers) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`)
  if (body !== undefined) lines.push(`  --data-raw ${shellQuote(body)}`)
  return lines.join(' \\\n')
}

/** A request shown as the curl command that repeats it, with a button that copies the command. */
export function CurlPreview({ request, title, description }: CurlPreviewProps) {
  const { t } = useI18n()
  const command = toCurl(request)
  const titleId = useId()
  return (
    <Box component="figure" m={0} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="xs">
        <Box component="figcaption" style={{ flex: 1, minWidth: 200 }}>
          <Text fw={600} size="sm" id={titleId}>
            {title ?? t.common.curlTitle}
          </Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </Box>
        <CopyButton value={command} timeout={1500}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant="light"
              onClick={copy}
              leftSection={
                copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
              }
            >
              {copied ? t.common.copied : t.common.copyCurl}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {command}
      </Code>
    </Box>
  )
}
