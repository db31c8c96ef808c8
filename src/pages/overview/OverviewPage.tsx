import { SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { apiFlavour } from '@/api/client'
import { PRODUCT_NAME } from '@/api/flavour'
import { myLocationsQuery } from '@/api/locations'
import { PageHeader } from '@/components/PageHeader'
import { STUCK_AFTER_MS } from '@/domain/durations'
import { useI18n } from '@/i18n'
import { QueryFailure } from '../QueryFailure'
import { LocationCard } from './LocationCard'
import { useReadQueue } from './useReadQueue'

export function OverviewPage() {
  const locations = useQuery(myLocationsQuery())
  const { t } = useI18n()
  const o = t.overview
  const ids = useMemo(() => locations.data?.map((location) => location.id) ?? [], [locations.data])
  const queue = useReadQueue(ids)

  let content: ReactNode
  if (locations.isPending) {
    content = (
      <SimpleGrid
        cols={{ base: 1, lg: 2 }}
        role="status"
        aria-busy="true"
        aria-label={o.loadingLocations}
      >
        {Array.from({ length: 2 }, (_, i) => (
          <Skeleton key={i} h={220} />
        ))}
      </SimpleGrid>
    )
  } else if (locations.isError) {
    content = <QueryFailure error={locations.error} onRetry={() => void locations.refetch()} />
  } else if (locations.data.length === 0) {
    content = (
      <Stack gap={4} role="status">
        <Text fw={500}>{o.noLocations}</Text>
        <Text size="sm">{o.noLocationsHint(PRODUCT_NAME[apiFlavour()])}</Text>
      </Stack>
    )
  } else {
    content = (
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {locations.data.map((location) => (
          <LocationCard
            key={location.id}
            location={location}
            mayRead={queue.mayRead.has(location.id)}
            track={queue.track}
            onSettled={queue.settle}
          />
        ))}
      </SimpleGrid>
    )
  }

  return (
    <Stack>
      <PageHeader title={o.title} intro={o.intro(STUCK_AFTER_MS / 60_000)} />
      {content}
    </Stack>
  )
}
