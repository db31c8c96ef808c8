/**
 * Marks a test harness's own reads (an e2e journey's setup looking up a receipt), which a strict
 * rate does not count: they stand for the salon's other tills, and a journey's refusals must be
 * the app's alone. The app never sends it. A module of its own, free of MSW, for the e2e harness.
 */
export const HARNESS_HEADER = 'X-Mock-Harness'
