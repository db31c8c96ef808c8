import {
  Badge,
  Card,
  Group,
  Loader,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useParams } from 'react-router'
import { countriesQuery, countryId, type Country } from '@/api/countries'
import { isApiError } from '@/api/errors'
import { taxSystemsQuery, type TaxSystem } from '@/api/taxSystems'
import { CopyableSlug } from '@/components/CopyableSlug'
import { ErrorNotice } from '@/components/ErrorNotice'
import { PageHeader } from '@/components/PageHeader'
import { parseId } from '@/domain/ids'
import { useI18n } from '@/i18n'
import { formatCount } from '@/i18n/format'
import { paths } from '@/paths'
import { describeError } from '../describeError'
import { QueryFailure } from '../QueryFailure'

function CountryPicker({ value }: { value: number | null }) {
  const countries = useQuery(countriesQuery())
  const navigate = useNavigate()
  const { t } = useI18n()
  const m = t.taxSystems
  const data = (countries.data ?? []).map((country: Country) => ({
    value: String(countryId(country)),
    label: country.iso_code ? `${country.title} (${country.iso_code})` : country.title,
  }))
  const failure = countries.isError ? describeError(countries.error, t) : null
  return (
    <Stack gap="xs">
      <Select
        label={m.country}
        placeholder={countries.isPending ? m.loadingCountriesHint : m.searchCountry}
        data={data}
        value={value === null ? null : String(value)}
        onChange={(next) => next && void navigate(paths.taxSystems(Number(next)))}
        searchable
        nothingFoundMessage={m.noCountryMatches}
        maw={360}
        rightSection={
          countries.isFetching ? (
            <Loader size="xs" role="status" aria-label={m.loadingCountries} />
          ) : undefined
        }
        disabled={countries.isError}
      />
      {failure && (
        <ErrorNotice
          title={m.countriesFailed(failure.title)}
          message={failure.message}
          details={failure.details}
          onRetry={() => void countries.refetch()}
        />
      )}
    </Stack>
  )
}

function TaxSystemCard({ system }: { system: TaxSystem }) {
  const m = useI18n().t.taxSystems
  return (
    <Card withBorder component="section" aria-label={system.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 200 }}>
            {system.title}
          </Title>
          <CopyableSlug slug={system.slug} />
        </Group>
        {system.vats.length === 0 ? (
          <Text size="sm" c="dimmed">
            {m.noVats}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing={4} aria-label={m.vatsOf(system.title)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{m.vatRate}</Table.Th>
                  <Table.Th>{m.slug}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {system.vats.map((vat) => (
                  <Table.Tr key={vat.slug}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{vat.title}</Table.Td>
                    <Table.Td>
                      <CopyableSlug slug={vat.slug} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}

function TaxSystemsOf({ countryId: id }: { countryId: number }) {
  const systems = useQuery(taxSystemsQuery(id))
  const countries = useQuery(countriesQuery())
  const { t, intlLocale } = useI18n()
  const m = t.taxSystems
  const country = countries.data?.find((c) => countryId(c) === id)
  const name = country?.title ?? m.countryFallback(id)

  if (systems.isPending) {
    return (
      <Stack role="status" aria-busy="true" aria-label={m.loading}>
        <Skeleton h={120} />
        <Skeleton h={80} />
      </Stack>
    )
  }
  if (systems.isError) {
    if (isApiError(systems.error) && systems.error.status === 404) {
      return <ErrorNotice title={m.unknownCountryTitle} message={m.unknownCountry(id)} />
    }
    return <QueryFailure error={systems.error} onRetry={() => void systems.refetch()} />
  }
  if (systems.data.length === 0) {
    return (
      <Text c="dimmed" role="status">
        {m.none(name)}
      </Text>
    )
  }
  return (
    <Stack>
      <Group gap="xs">
        <Title order={2} size="h3">
          {m.of(name)}
        </Title>
        <Badge
          variant="light"
          aria-label={m.count(systems.data.length, formatCount(systems.data.length, intlLocale))}
        >
          {formatCount(systems.data.length, intlLocale)}
        </Badge>
      </Group>
      {systems.data.map((system) => (
        <TaxSystemCard key={system.slug} system={system} />
      ))}
    </Stack>
  )
}

export function TaxSystemsPage() {
  const { countryId: raw } = useParams()
  const id = parseId(raw)
  const invalid = raw !== undefined && id === null
  const m = useI18n().t.taxSystems
  return (
    <Stack maw={900}>
      <PageHeader title={m.title} intro={m.intro} />
      <CountryPicker value={id} />
      {invalid && <ErrorNotice title={m.badIdTitle} message={m.badId(raw)} />}
      {id !== null && <TaxSystemsOf countryId={id} />}
      {raw === undefined && <Text c="dimmed">{m.choose}</Text>}
    </Stack>
  )
}
