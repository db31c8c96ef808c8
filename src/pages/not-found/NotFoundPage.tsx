import { Button, Stack, Text, Title } from '@mantine/core'
import { Link, useLocation } from 'react-router'
import { useI18n } from '@/i18n'

export function NotFoundPage() {
  const { pathname } = useLocation()
  const { t } = useI18n()
  return (
    <Stack align="flex-start" maw={560}>
      <Title order={1} size="h2">
        {t.notFound.title}
      </Title>
      <Text style={{ overflowWrap: 'anywhere' }}>{t.notFound.text(pathname)}</Text>
      <Button component={Link} to="/">
        {t.errors.goHome}
      </Button>
    </Stack>
  )
}
