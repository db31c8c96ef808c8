import { HARSHEST_PROFILE, type ServerProfile } from '@/mocks/scenarios'

/**
 * The servers every any-server promise is held under (profile-matrix, overview-cost): each
 * undocumented respect on its own, then all of them at once.
 */
export const SERVER_PROFILES: Record<string, Partial<ServerProfile>> = {
  default: {},
  'oldest first': { order: 'oldest-first' },
  'pages capped at 100': { pageCap: 100 },
  'count = page length': { count: 'page' },
  'ids and numbers as strings': { ids: 'strings' },
  'wall-time dates': { dates: 'wall' },
  harshest: HARSHEST_PROFILE,
}
