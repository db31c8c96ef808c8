import { Button, Group, SimpleGrid, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core'
import { IconChevronRight } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link, Navigate } from 'react-router'
import { apiFlavour } from '@/api/client'
import { PRODUCT_NAME } from '@/api/flavour'
import { myLocationsQuery, type Location } from '@/api/locations'
import { PageHeader } from '@/components/PageHeader'
import { useI18n } from '@/i18n'
import { paths } from '@/paths'
import { useSelectedLocation } from '@/session/selectedLocation'
import { QueryFailure } from '../QueryFailure'

/** Where the location is, as the API says it: the line under its name. */
function whereIs(location: Location): string {
  return [location.city, location.address].filter(Boolean).join(', ')
}

/**
 * The start page when no location is chosen yet: the cashier picks the one whose register they
 * work at (remembered from then on). With one location there is nothing to choose.
 */
export function HomePage() {
  const locations = useQuery(myLocationsQuery())
  const [, setSelected] = useSelectedLocation()
  const { t } = useI18n()
  const h = t.home

  const only = locations.data?.length === 1 ? locations.data[0] : undefined
  if (only) return <Navigate to={paths.log(only.id)} replace />

  let content
  if (locations.isPending) {
    content = (
      <SimpleGrid cols={{ base: 1, sm: 2 }} role="status" aria-busy="true" aria-label={h.loading}>
        <Skeleton h={72} />
        <Skeleton h={72} />
      </SimpleGrid>
    )
  } else if (locations.isError) {
    content = <QueryFailure error={locations.error} onRetry={() => void locations.refetch()} />
  } else if (locations.data.length === 0) {
    content = (
      <Stack gap="xs" align="flex-start" role="status">
        <Text fw={500}>{h.noLocations}</Text>
        <Text size="sm">{h.noLocationsHint(PRODUCT_NAME[apiFlavour()])}</Text>
        {/* The two pages the hint names, by the names the menu gives them. */}
        <Group gap="sm">
          <Button component={Link} to="/tax-systems" variant="default">
            {t.shell.taxSystems}
          </Button>
          <Button component={Link} to="/callback" variant="default">
            {t.shell.callback}
          </Button>
        </Group>
      </Stack>
    )
  } else {
    content = (
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {locations.data.map((location) => (
          <li key={location.id}>
            <Button
              component={Link}
              to={paths.log(location.id)}
              onClick={() => setSelected(location.id)}
              variant="default"
              size="lg"
              fullWidth
              h="auto"
              py="sm"
              justify="space-between"
              rightSection={<IconChevronRight size={20} aria-hidden />}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
            >
              <Stack gap={2} align="flex-start">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {location.title}
                </Text>
                {whereIs(location) && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {whereIs(location)}
                  </Text>
                )}
                {/* Last, so the name starts with what the link shows (WCAG 2.5.3 label in name). */}
                <VisuallyHidden>{h.opensLog}</VisuallyHidden>
              </Stack>
            </Button>
          </li>
        ))}
      </SimpleGrid>
    )
  }

  return (
    <Stack maw={900}>
      <PageHeader title={h.title} intro={h.intro} />
      {content}
    </Stack>
  )
}
