import '@mantine/core/styles/Card.css'
import '@mantine/core/styles/Table.css'
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
import { countryName, formatCount, formatVatTitle } from '@/i18n/format'
import { paths } from '@/paths'
import { describeError } from '../describeError'
import { QueryFailure } from '../QueryFailure'

function CountryPicker({ value }: { value: number | null }) {
  const countries = useQuery(countriesQuery())
  const navigate = useNavigate()
  const { t, intlLocale } = useI18n()
  const m = t.taxSystems
  const data = (countries.data ?? []).map((country: Country) => {
    const name = countryName(country, intlLocale)
    return {
      value: String(countryId(country)),
      label: country.iso_code ? `${name} (${country.iso_code})` : name,
    }
  })
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

/** The slug column's share of a card: the same in every card, whatever its titles' lengths. */
const SLUG_COLUMN = '45%'

function TaxSystemCard({ system }: { system: TaxSystem }) {
  const { t, intlLocale } = useI18n()
  const m = t.taxSystems
  return (
    <Card withBorder component="section" aria-label={system.title}>
      <Stack gap="sm">
        {/* The system's slug starts where its rates' slugs do, so every card reads alike. */}
        <Group gap={0} align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 0 }}>
            {system.title}
          </Title>
          <div style={{ flex: `0 0 ${SLUG_COLUMN}`, minWidth: 0 }}>
            <CopyableSlug slug={system.slug} />
          </div>
        </Group>
        {system.vats.length === 0 ? (
          <Text size="sm" c="dimmed">
            {m.noVats}
          </Text>
        ) : (
          // A plain overflow box: a ScrollArea per card is a tree of observers for a rare scroll.
          <Table.ScrollContainer minWidth={280} type="native">
            <Table
              verticalSpacing={4}
              horizontalSpacing={0}
              layout="fixed"
              aria-label={m.vatsOf(system.title)}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{m.vatRate}</Table.Th>
                  <Table.Th w={SLUG_COLUMN}>{m.slug}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {system.vats.map((vat) => (
                  <Table.Tr key={vat.slug}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {formatVatTitle(vat.title, intlLocale)}
                    </Table.Td>
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
  const name = country ? countryName(country, intlLocale) : m.countryFallback(id)

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
