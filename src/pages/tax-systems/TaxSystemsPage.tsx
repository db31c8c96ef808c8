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
import { currentMessages } from '@/i18n'
import { describeError } from '../describeError'
import { parseId } from '../parseId'

function CountryPicker({ value }: { value: number | null }) {
  const countries = useQuery(countriesQuery())
  const navigate = useNavigate()
  const data = (countries.data ?? []).map((country: Country) => ({
    value: String(countryId(country)),
    label: country.iso_code ? `${country.title} (${country.iso_code})` : country.title,
  }))
  const failure = countries.isError ? describeError(countries.error, currentMessages()) : null
  return (
    <Stack gap="xs">
      <Select
        label="Country"
        placeholder={countries.isPending ? 'Loading countries…' : 'Search for a country'}
        data={data}
        value={value === null ? null : String(value)}
        onChange={(next) => next && void navigate(`/tax-systems/${next}`)}
        searchable
        nothingFoundMessage="No country matches"
        maw={360}
        rightSection={
          countries.isFetching ? (
            <Loader size="xs" role="status" aria-label="Loading countries" />
          ) : undefined
        }
        disabled={countries.isError}
      />
      {failure && (
        <ErrorNotice
          title={`Countries could not be loaded: ${failure.title}`}
          message={failure.message}
          details={failure.details}
          onRetry={() => void countries.refetch()}
        />
      )}
    </Stack>
  )
}

function TaxSystemCard({ system }: { system: TaxSystem }) {
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
            No VAT rates.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing={4} aria-label={`VAT rates of ${system.title}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>VAT rate</Table.Th>
                  <Table.Th>Slug</Table.Th>
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
  const country = countries.data?.find((c) => countryId(c) === id)
  const name = country?.title ?? `country ${id}`

  if (systems.isPending) {
    return (
      <Stack role="status" aria-busy="true" aria-label="Loading tax systems">
        <Skeleton h={120} />
        <Skeleton h={80} />
      </Stack>
    )
  }
  if (systems.isError) {
    if (isApiError(systems.error) && systems.error.status === 404) {
      return (
        <ErrorNotice
          title="Unknown country"
          message={`The API does not know a country with id ${id}. Pick one from the list.`}
        />
      )
    }
    const failure = describeError(systems.error, currentMessages())
    return (
      <ErrorNotice
        title={failure.title}
        message={failure.message}
        details={failure.details}
        onRetry={() => void systems.refetch()}
      />
    )
  }
  if (systems.data.length === 0) {
    return (
      <Text c="dimmed" role="status">
        No tax systems are registered for {name}: fiscal receipts there need no tax system slug.
      </Text>
    )
  }
  return (
    <Stack>
      <Group gap="xs">
        <Title order={2} size="h3">
          Tax systems of {name}
        </Title>
        <Badge variant="light" aria-label={`${systems.data.length} tax systems`}>
          {systems.data.length}
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
  return (
    <Stack maw={900}>
      <div>
        <Title order={1} size="h2">
          Tax systems and VAT rates
        </Title>
        <Text c="dimmed" size="sm">
          The slugs fiscal integrations send with each receipt. Click a slug's button to copy it.
        </Text>
      </div>
      <CountryPicker value={id} />
      {invalid && (
        <ErrorNotice
          title="Not a country id"
          message={`“${raw}” is not a country id. Country ids are positive whole numbers; pick a country from the list.`}
        />
      )}
      {id !== null && <TaxSystemsOf countryId={id} />}
      {raw === undefined && <Text c="dimmed">Choose a country to see its tax systems.</Text>}
    </Stack>
  )
}
