import { Button, Stack } from '@mantine/core'
import { Link, useLocation } from 'react-router'
import { PageHeader } from '@/components/PageHeader'
import { useI18n } from '@/i18n'

export function NotFoundPage() {
  const { pathname } = useLocation()
  const { t } = useI18n()
  return (
    <Stack align="flex-start" maw={560}>
      <PageHeader title={t.notFound.title} intro={t.notFound.text(pathname)} />
      <Button component={Link} to="/">
        {t.errors.goHome}
      </Button>
    </Stack>
  )
}
