import { Button, Group, Stack } from '@mantine/core'
import { Component, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { ErrorNotice } from '@/components/ErrorNotice'
import { useI18n } from '@/i18n'
import { describeError } from './describeError'

/** What a route shows when it fails: the rest of the app stays usable, never a white screen. */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useI18n()
  const failure = describeError(error, t)
  return (
    <Stack p="md" maw={640}>
      <ErrorNotice
        title={t.errors.pageFailed(failure.title)}
        message={failure.message}
        details={failure.details}
      />
      <Group>
        <Button onClick={() => window.location.reload()}>{t.errors.reload}</Button>
        <Button component={Link} to="/" variant="default">
          {t.errors.goHome}
        </Button>
      </Group>
    </Stack>
  )
}

interface BoundaryProps {
  /** A new value clears the failure: leaving the page for another gives that page its chance. */
  resetKey: string
  children: ReactNode
}

class Boundary extends Component<BoundaryProps, { failure: { error: unknown } | null }> {
  override state: { failure: { error: unknown } | null } = { failure: null }

  static getDerivedStateFromError(error: unknown) {
    return { failure: { error } }
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failure !== null && previous.resetKey !== this.props.resetKey) {
      this.setState({ failure: null })
    }
  }

  override render() {
    return this.state.failure ? (
      <RouteError error={this.state.failure.error} />
    ) : (
      this.props.children
    )
  }
}

/** The error boundary of every route, reset when the address changes. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation()
  return <Boundary resetKey={pathname}>{children}</Boundary>
}
