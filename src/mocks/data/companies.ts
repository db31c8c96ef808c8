import type { MockCompany } from '../types'

/** The demo's locations, one per case a page must handle (long title, big log, empty log, zones). */
export const COMPANIES: MockCompany[] = [
  {
    id: 1,
    title: 'Beauty Lab on Tverskaya',
    public_title: 'Beauty Lab',
    country_id: 1,
    country: 'Russia',
    city_id: 2,
    city: 'Moscow',
    timezone: 3,
    timezone_name: 'Europe/Moscow',
    address: 'Tverskaya St, 12',
    phone: '+7 495 123-45-67',
    currency_short_title: '₽',
    active: true,
  },
  {
    id: 2,
    title: 'Smile Dental Clinic',
    public_title: 'Smile Dental',
    country_id: 1,
    country: 'Russia',
    city_id: 4,
    city: 'Yekaterinburg',
    timezone: 5,
    timezone_name: 'Asia/Yekaterinburg',
    address: 'Lenina Ave, 50',
    phone: '+7 343 765-43-21',
    currency_short_title: '₽',
    active: true,
  },
  {
    id: 3,
    title:
      'Barbershop "Brooklyn" — Almaty, Dostyk Avenue, second floor, entrance from the courtyard',
    public_title: 'Brooklyn Barbers',
    country_id: 3,
    country: 'Kazakhstan',
    city_id: 9,
    city: 'Almaty',
    timezone: 5,
    timezone_name: 'Asia/Almaty',
    address: 'Dostyk Ave, 97',
    phone: '+7 727 300-00-00',
    currency_short_title: '₸',
    active: true,
  },
  {
    id: 4,
    title: 'Wellness Spa Network HQ',
    public_title: 'Wellness Spa',
    country_id: 1,
    country: 'Russia',
    city_id: 5,
    city: 'Novosibirsk',
    timezone: 7,
    timezone_name: 'Asia/Novosibirsk',
    address: 'Krasny Ave, 1',
    phone: '+7 383 200-00-00',
    currency_short_title: '₽',
    active: true,
  },
  {
    id: 5,
    title: 'Nail Studio Paris',
    public_title: 'Nail Studio',
    country_id: 56,
    country: 'France',
    city_id: 11,
    city: 'Paris',
    timezone: 1,
    timezone_name: 'Europe/Paris',
    address: '12 Rue de Rivoli',
    phone: '+33 1 23 45 67 89',
    currency_short_title: '€',
    active: true,
  },
]

/** The cashier of the fixtures' sales (fixtures.ts), and one of the seeded logs'. */
export const ANNA_PETROVA = { id: 1138454, name: 'Anna Petrova' }

/** The people whose names appear in the seeded logs. */
export const CASHIERS = [
  { id: 1138453, name: 'Jack Smith' },
  ANNA_PETROVA,
  { id: 1138455, name: 'Ivan Sidorov' },
  { id: 1138456, name: 'Maria-Antonietta Konstantinopolskaya-Rimskaya' },
]
/** Rare in the logs, as it would be: enough to prove a name renders as text. */
export const HOSTILE_CASHIER = { id: 1138457, name: '<img src=x onerror=alert(1)> Mallory' }
