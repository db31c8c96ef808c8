import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { useI18n } from '@/i18n'

export interface ErrorNoticeProps {
  title: string
  message: string
  details?: string[]
  onRetry?: () => void
  retryLabel?: string
}

/**
 * Drawn inline rather than taken from @tabler/icons-react: this notice is on the sign-in page and
 * in every route's error boundary, and the icon library's runtime would weigh on the first load.
 */
function WarningIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d="M12 9v4M12 17h.01M10.24 3.96 1.82 18a1.98 1.98 0 0 0 1.7 3h16.96a1.98 1.98 0 0 0 1.7-3L13.76 3.96a1.98 1.98 0 0 0-3.52 0z" />
    </svg>
  )
}

/** An error, said plainly, with a way forward when there is one. */
export function ErrorNotice({
  title,
  message,
  details = [],
  onRetry,
  retryLabel,
}: ErrorNoticeProps) {
  const { t } = useI18n()
  return (
    <Alert
      color="red"
      variant="light"
      title={<span style={{ overflowWrap: 'anywhere' }}>{title}</span>}
      icon={<WarningIcon />}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Text>
        {details.length > 0 && (
          <List size="sm">
            {details.map((detail) => (
              <List.Item key={detail} style={{ overflowWrap: 'anywhere' }}>
                {detail}
              </List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {retryLabel ?? t.errors.tryAgain}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  )
}
