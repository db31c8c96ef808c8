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
