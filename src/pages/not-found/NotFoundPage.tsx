import { Button, Stack, Text, Title } from '@mantine/core'
import { Link, useLocation } from 'react-router'

export function NotFoundPage() {
  const { pathname } = useLocation()
  return (
    <Stack align="flex-start" maw={560}>
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text style={{ overflowWrap: 'anywhere' }}>There is no page at {pathname}.</Text>
      <Button component={Link} to="/">
        Go to the start page
      </Button>
    </Stack>
  )
}
