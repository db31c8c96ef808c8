import {
  DEFAULT_PROFILE,
  FAULTS,
  HARSHEST_PROFILE,
  OPERATION_IDS,
  type ScenarioPatch,
  type ServerProfile,
} from './scenarios'

type ChoiceTrait = Exclude<keyof ServerProfile, 'pageCap'>

/** The values of every trait but pageCap (a number or null): for validation and for the panel. */
export const TRAIT_VALUES: { [K in ChoiceTrait]: readonly ServerProfile[K][] } = {
  order: ['newest-first', 'oldest-first'],
  paging: ['served', 'asked'],
  count: ['total', 'page'],
  ids: ['numbers', 'strings'],
  dates: ['iso', 'wall'],
  errors: ['envelope', 'legacy'],
  accept: ['lenient', 'altegio', 'yclients'],
  rate: ['lenient', 'strict'],
}

export const NAMED_PROFILES: Record<string, ServerProfile> = {
  default: DEFAULT_PROFILE,
  harshest: HARSHEST_PROFILE,
}

const TRAITS: readonly (keyof ServerProfile)[] = [
  'order',
  'pageCap',
  'paging',
  'count',
  'ids',
  'dates',
  'errors',
  'accept',
  'rate',
]

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ')

function isTrait(name: string): name is keyof ServerProfile {
  return (TRAITS as readonly string[]).includes(name)
}

function isChoice<K extends ChoiceTrait>(trait: K, value: unknown): value is ServerProfile[K] {
  return (TRAIT_VALUES[trait] as readonly unknown[]).includes(value)
}

/** `"harshest"`, `"default"` or some traits: what `POST /__mock/scenario` takes as `profile`. */
export function parseProfile(input: unknown): Parsed<Partial<ServerProfile>> {
  if (typeof input === 'string') {
    const named = NAMED_PROFILES[input]
    return named
      ? { ok: true, value: { ...named } }
      : {
          ok: false,
          error: `profile must be one of ${quoted(Object.keys(NAMED_PROFILES))} or an object of traits, got ${JSON.stringify(input)}`,
        }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, error: 'profile must be a name or an object of traits' }
  const value: Partial<ServerProfile> = {}
  for (const [name, raw] of Object.entries(input)) {
    if (!isTrait(name))
      return { ok: false, error: `unknown trait "${name}"; the traits are ${quoted(TRAITS)}` }
    if (name === 'pageCap') {
      if (raw !== null && !(Number.isInteger(raw) && Number(raw) >= 1))
        return {
          ok: false,
          error: `profile.pageCap must be a positive integer or null, got ${JSON.stringify(raw)}`,
        }
      value.pageCap = raw as number | null
    } else if (isChoice(name, raw)) {
      Object.assign(value, { [name]: raw })
    } else {
      return {
        ok: false,
        error: `profile.${name} must be one of ${quoted(TRAIT_VALUES[name])}, got ${JSON.stringify(raw)}`,
      }
    }
  }
  return { ok: true, value }
}

const nonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0
const oneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v)

/** The checks of every field but the profile; null is "off" for the fault fields. */
const FIELDS: Record<Exclude<keyof ScenarioPatch, 'profile'>, [(v: unknown) => boolean, string]> = {
  latencyMs: [nonNegative, 'a number of milliseconds ≥ 0'],
  printSettleMs: [nonNegative, 'a number of milliseconds ≥ 0'],
  fault: [oneOf([null, ...FAULTS]), `null or one of ${quoted(FAULTS)}`],
  faultOperation: [oneOf([null, ...OPERATION_IDS]), `null or one of ${quoted(OPERATION_IDS)}`],
  printer: [oneOf(['online', 'offline', 'manual']), 'one of "online", "offline", "manual"'],
}

/** A scenario patch from untrusted JSON: every field known and every value valid, or an error. */
export function parseScenario(input: unknown): Parsed<ScenarioPatch> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, error: 'the scenario must be a JSON object' }
  const value: ScenarioPatch = {}
  for (const [name, raw] of Object.entries(input)) {
    if (name === 'profile') {
      const profile = parseProfile(raw)
      if (!profile.ok) return profile
      value.profile = profile.value
      continue
    }
    const field = FIELDS[name as keyof typeof FIELDS] as
      (typeof FIELDS)[keyof typeof FIELDS] | undefined
    if (!field)
      return {
        ok: false,
        error: `unknown field "${name}"; the fields are ${quoted([...Object.keys(FIELDS), 'profile'])}`,
      }
    if (!field[0](raw))
      return { ok: false, error: `${name} must be ${field[1]}, got ${JSON.stringify(raw)}` }
    Object.assign(value, { [name]: raw })
  }
  return { ok: true, value }
}
