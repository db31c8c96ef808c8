import { NAMED_PROFILES, parseProfile } from './parse'
import {
  FAULTS,
  OPERATION_IDS,
  type Fault,
  type OperationId,
  type ScenarioPatch,
  type ServerProfile,
} from './scenarios'

/** URL flag → profile trait. `mock-profile` comes first, so single flags can amend it. */
const TRAIT_FLAGS: Record<string, keyof ServerProfile> = {
  'mock-order': 'order',
  'mock-page-cap': 'pageCap',
  'mock-paging': 'paging',
  'mock-count': 'count',
  'mock-ids': 'ids',
  'mock-dates': 'dates',
  'mock-errors': 'errors',
  'mock-accept': 'accept',
  'mock-rate': 'rate',
}

function profileFromParams(params: URLSearchParams): Partial<ServerProfile> {
  const named = NAMED_PROFILES[params.get('mock-profile') ?? '']
  const profile: Partial<ServerProfile> = named ? { ...named } : {}
  for (const [flag, trait] of Object.entries(TRAIT_FLAGS)) {
    const raw = params.get(flag)
    if (raw === null) continue
    const value = trait === 'pageCap' ? (raw === 'none' ? null : Number(raw)) : raw
    // A flag with a wrong value is ignored, as the other mock-* flags are: the tab still opens.
    const parsed = parseProfile({ [trait]: value })
    if (parsed.ok) Object.assign(profile, parsed.value)
  }
  return profile
}

/**
 * `?mock-fault=server-error&mock-operation=listKkmTransactions&mock-latency=800&mock-printer=offline`
 * and `?mock-profile=harshest&mock-rate=lenient` switch a scenario on for one tab, for
 * demonstrations and training.
 */
export function scenarioFromParams(params: URLSearchParams): ScenarioPatch {
  const fault = params.get('mock-fault')
  const operation = params.get('mock-operation')
  const printer = params.get('mock-printer')
  const latency = Number(params.get('mock-latency'))
  const profile = profileFromParams(params)
  return {
    ...(fault && (FAULTS as readonly string[]).includes(fault) ? { fault: fault as Fault } : {}),
    ...(operation && (OPERATION_IDS as readonly string[]).includes(operation)
      ? { faultOperation: operation as OperationId }
      : {}),
    ...(printer === 'offline' || printer === 'manual' ? { printer } : {}),
    ...(Number.isFinite(latency) && latency > 0 ? { latencyMs: latency } : {}),
    ...(Object.keys(profile).length > 0 ? { profile } : {}),
  }
}
