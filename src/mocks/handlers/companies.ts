import { db } from '../db'
import { route } from '../http'
import { pageOf } from '../paging'
import { presentCompany, presentCount } from '../present'
import { scenario } from '../scenarios'
import { partnerOk, positiveInt, signedInUser, UNAUTHORIZED } from './access'

/** The locations: every one with the partner token, only the user's own with `my=1`. */
export const companiesHandler = route(
  'get',
  '/companies',
  'listCompanies',
)(({ reply, request, url }) => {
  if (!partnerOk(request)) return reply(401, UNAUTHORIZED)
  const my = url.searchParams.get('my') === '1'
  const user = signedInUser(request)
  if (my && !user) return reply(401, UNAUTHORIZED)
  const page = positiveInt(url.searchParams.get('page'), 1) ?? 1
  const count = positiveInt(url.searchParams.get('count'), 25) ?? 25
  const visible = db.companies.filter((c) => !my || (user?.locationIds.includes(c.id) ?? false))
  const listed = pageOf(visible, page, count, scenario.profile)
  return reply(200, {
    success: true,
    data: listed.data.map((c) => presentCompany(c, scenario.profile)),
    meta: presentCount(listed.count, scenario.profile),
  })
})
