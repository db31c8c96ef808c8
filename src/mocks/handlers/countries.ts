import { db } from '../db'
import { route } from '../http'
import { presentCountry } from '../present'
import { scenario } from '../scenarios'
import { partnerOk, UNAUTHORIZED } from './access'

/** The countries, with the partner token alone (no user needed). */
export const countriesHandler = route(
  'get',
  '/countries',
  'listCountries',
)(({ reply, request }) => {
  if (!partnerOk(request)) return reply(401, UNAUTHORIZED)
  return reply(200, {
    success: true,
    data: db.countries.map((c) => presentCountry(c, scenario.profile)),
    meta: [],
  })
})
