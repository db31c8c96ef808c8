import { NumberInput, Select } from '@mantine/core'
import { parseProfile, TRAIT_VALUES } from '@/mocks/parse'
import type { ServerProfile } from '@/mocks/scenarios'

type ChoiceTrait = keyof typeof TRAIT_VALUES

/** What each choice means, in the words of the API reference's "Unknowns". */
const LABELS: { [K in ChoiceTrait]: [string, { [V in ServerProfile[K]]: string }] } = {
  order: ['Log order', { 'newest-first': 'Newest first', 'oldest-first': 'Oldest first' }],
  paging: [
    'Page numbering (capped pages)',
    { served: 'Page 2 after the rows served', asked: 'Page 2 at editable_length rows' },
  ],
  count: ['meta.count', { total: 'Total found', page: 'Rows on this page' }],
  ids: ['Ids and numbers', { numbers: 'JSON numbers', strings: 'Strings ("50001")' }],
  dates: ['print_date', { iso: 'ISO 8601 with offset', wall: 'Wall time, no offset' }],
  errors: [
    'Error bodies',
    { envelope: 'Envelope (success:false)', legacy: 'Legacy {errors:{code}}' },
  ],
  accept: [
    'Accept header',
    { lenient: 'Any', altegio: 'Only Altegio’s (else 400)', yclients: 'Only YCLIENTS’ (else 400)' },
  ],
  rate: ['Rate limit', { lenient: 'Never enforced', strict: '5 a second, then 429' }],
}

const CHOICE_TRAITS = Object.keys(TRAIT_VALUES) as ChoiceTrait[]

/** One control per trait of the server profile; each change is a partial profile. */
export function ProfileControls({
  profile,
  onChange,
}: {
  profile: ServerProfile
  onChange: (patch: Partial<ServerProfile>) => void
}) {
  return (
    <>
      {CHOICE_TRAITS.map((trait) => {
        const [label, options] = LABELS[trait]
        const names: Record<string, string> = options
        return (
          <Select
            key={trait}
            label={label}
            data={TRAIT_VALUES[trait].map((value) => ({ value, label: names[value] ?? value }))}
            value={profile[trait]}
            onChange={(value) => {
              const parsed = parseProfile({ [trait]: value })
              if (parsed.ok) onChange(parsed.value)
            }}
            allowDeselect={false}
          />
        )
      })}
      <NumberInput
        label="Page cap (rows)"
        description="The most rows a page holds, whatever editable_length asks; empty: no cap"
        placeholder="No cap"
        min={1}
        allowDecimal={false}
        value={profile.pageCap ?? ''}
        onChange={(value) => {
          const cap = Number(value)
          onChange({ pageCap: value === '' || !(cap >= 1) ? null : Math.floor(cap) })
        }}
      />
    </>
  )
}
