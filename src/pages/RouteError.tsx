import { Button, Group, Stack } from '@mantine/core'
import { Link, useRouteError } from 'react-router'
import { ErrorNotice } from '@/components/ErrorNotice'
import { describeError } from './describeError'

/** The error boundary of every route: the rest of the app stays usable, never a white screen. */
export function RouteError() {
  const error = useRouteError()
  const failure = describeError(error)
  return (
    <Stack p="md" maw={640}>
      <ErrorNotice
        title={`This page failed: ${failure.title}`}
        message={failure.message}
        details={failure.details}
      />
      <Group>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <Button component={Link} to="/" variant="default">
          Go to the start page
        </Button>
      </Group>
    </Stack>
  )
}
