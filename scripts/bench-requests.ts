/** `npm run bench:requests`: the requests each view costs under each server profile (scripts/bench/requests.ts). */
import { measureRequestsPerView, requestsMarkdown } from './bench/requests'

console.log(requestsMarkdown(await measureRequestsPerView()))
