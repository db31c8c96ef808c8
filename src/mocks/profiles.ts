import { HARSHEST_PROFILE, type ServerProfile } from './scenarios'

/**
 * The servers every any-server promise is held under (test/profile-matrix, test/overview-cost)
 * and the requests bench measures: each undocumented respect on its own, then all at once.
 */
export const SERVER_PROFILES: Record<string, Partial<ServerProfile>> = {
  default: {},
  'oldest first': { order: 'oldest-first' },
  'pages capped at 100': { pageCap: 100 },
  'oldest first, pages of 40 numbered by the length asked': {
    order: 'oldest-first',
    pageCap: 40,
    paging: 'asked',
  },
  'count = page length': { count: 'page' },
  'ids and numbers as strings': { ids: 'strings' },
  'wall-time dates': { dates: 'wall' },
  harshest: HARSHEST_PROFILE,
}
