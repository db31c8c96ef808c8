import { db } from '../db'
import { route } from '../http'
import { presentCount } from '../present'
import { scenario } from '../scenarios'
import { NOT_FOUND, signedInUser, UNAUTHORIZED } from './access'

/** A country's fiscal tax systems; country 7 (USA) has none, an unknown country is 404. */
export const taxSystemsHandler = route(
  'get',
  '/integration/kkm/references/tax_system/{country_id}',
  'listTaxSystems',
)(({ reply, request, params }) => {
  if (!signedInUser(request)) return reply(401, UNAUTHORIZED)
  const id = Number(params.country_id)
  const systems = db.taxSystems[id]
  if (!db.countries.some((c) => c.id === id) || !systems) return reply(404, NOT_FOUND)
  return reply(200, {
    success: true,
    data: systems,
    meta: presentCount(systems.length, scenario.profile),
  })
})
