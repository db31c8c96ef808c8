/**
 * Who may sign in to the embedded API. The tokens and accounts are documented in the README; the
 * e2e journeys and the stories sign in with them.
 */
export interface MockUser {
  id: number
  name: string
  userToken: string
  login: string
  phone: string
  email: string
  password: string
  /** Locations this user may manage; any other location id answers 403. */
  locationIds: number[]
}

/** Tokens and accounts of the embedded API, documented in the README. */
export const DEMO = {
  partnerToken: 'demo-partner-token',
  userToken: 'demo-user-token',
  cashierToken: 'demo-cashier-token',
  login: '+13155550175',
  email: 'manager@example.com',
  password: 'demo-password',
  /** A location large enough for the 10,000-row case. */
  bigLocationId: 4,
} as const

/** The manager of every location and a cashier of location 1 only (the 403 case). */
export function createUsers(): MockUser[] {
  return [
    {
      id: 1,
      name: 'Helen Manager',
      userToken: DEMO.userToken,
      login: DEMO.login,
      phone: DEMO.login,
      email: DEMO.email,
      password: DEMO.password,
      locationIds: [1, 2, 3, 4, 5],
    },
    {
      id: 2,
      name: 'Jack Smith',
      userToken: DEMO.cashierToken,
      login: '+79120000001',
      phone: '+79120000001',
      email: 'cashier@example.com',
      password: 'cashier-password',
      locationIds: [1],
    },
  ]
}
