/**
 * `npm run bench:requests`: the requests each view costs under each server profile, then the
 * overview of a 30-location chain under the strict rate (scripts/bench/requests.ts).
 */
import {
  measureOverview,
  measureRequestsPerView,
  overviewMarkdown,
  requestsMarkdown,
} from './bench/requests'

console.log(requestsMarkdown(await measureRequestsPerView()))
console.log()
console.log(overviewMarkdown(await measureOverview()))
