import { authHandler } from './handlers/auth'
import { callbackHandler } from './handlers/callback'
import { companiesHandler } from './handlers/companies'
import { countriesHandler } from './handlers/countries'
import { printHandler } from './handlers/print'
import { taxSystemsHandler } from './handlers/taxSystems'
import { transactionsHandler } from './handlers/transactions'

export { parseAuthorization } from './handlers/access'

/**
 * The embedded Altegio: one handler per operation of the spec, each typed by it through `route`
 * (http.ts), in handlers/ by resource. The dev server, Vitest, Storybook and scripts/mock-api.ts
 * all serve exactly this list.
 */
export const handlers = [
  authHandler,
  countriesHandler,
  companiesHandler,
  taxSystemsHandler,
  transactionsHandler,
  printHandler,
  callbackHandler,
]
