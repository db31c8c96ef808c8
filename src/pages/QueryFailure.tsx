import { Alert, Button, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { ErrorNotice } from '@/components/ErrorNotice'
import { useI18n } from '@/i18n'
import { describeError } from './describeError'

/** A read that failed, in words, with Try again when the same request may yet succeed. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  const failure = describeError(error, t)
  return (
    <ErrorNotice
      title={failure.title}
      message={failure.message}
      details={failure.details}
      onRetry={failure.retryable ? onRetry : undefined}
    />
  )
}

/**
 * The API's 403 for a location's log: the whole answer of the page, said once and truly (the
 * location may be missing from the user's list, or listed yet refused), with the way back to the
 * locations this user does manage (the start page opens the only one straight away).
 */
export function ForbiddenLocation({ locationId, listed }: { locationId: number; listed: boolean }) {
  const { t } = useI18n()
  const l = t.log
  return (
    <Alert color="red" title={t.errors[403]} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{listed ? l.forbiddenListed(locationId) : l.forbidden(locationId)}</Text>
        <Button component={Link} to="/" variant="default">
          {l.toMyLocations}
        </Button>
      </Stack>
    </Alert>
  )
}
