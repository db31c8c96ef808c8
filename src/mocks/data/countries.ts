import type { MockCountry, MockTaxSystem } from '../types'

const NONE_VAT = { title: 'is not a subject to a tax', slug: 'ru_vat_none' }

/** Country 1 holds exactly the six systems of the documentation's example. */
const RUSSIA_TAX_SYSTEMS: MockTaxSystem[] = [
  {
    title: 'General DOS',
    slug: 'ru_osn',
    vats: [
      { title: '0%', slug: 'ru_vat_0' },
      { title: '10%', slug: 'ru_vat_10' },
      { title: '20%', slug: 'ru_vat_20' },
      NONE_VAT,
    ],
  },
  { title: 'Simplified simplified tax system (Income)', slug: 'ru_usn', vats: [NONE_VAT] },
  {
    title: 'Simplified simplified tax system (Income minus Expense)',
    slug: 'ru_usnr',
    vats: [NONE_VAT],
  },
  { title: 'Single tax on imputed income UTII', slug: 'ru_envd', vats: [NONE_VAT] },
  { title: 'Unified agricultural tax UST', slug: 'ru_esn', vats: [NONE_VAT] },
  { title: 'Patent taxation system', slug: 'ru_psn', vats: [NONE_VAT] },
]

export const COUNTRIES: MockCountry[] = [
  {
    id: 1,
    title: 'Russia',
    full_title: 'Russian Federation',
    iso_code: 'RU',
    phone_code: '7',
    phone_template: '+7 ### ###-##-##',
    phone_example: '+7 912 345-67-89',
    currency: 'RUB',
    exchange: 1,
    lang_id: 1,
    group_type: 1,
    is_eu: false,
  },
  {
    id: 7,
    title: 'USA',
    full_title: 'United States of America',
    iso_code: 'US',
    phone_code: '1',
    phone_template: '+1 ###-###-####',
    phone_example: '+1 315-555-0175',
    currency: 'USD',
    exchange: 1,
    lang_id: 2,
    group_type: 2,
    is_eu: false,
  },
  {
    id: 56,
    title: 'France',
    full_title: 'French Republic',
    iso_code: 'FR',
    phone_code: '33',
    phone_template: '+33 # ## ## ## ##',
    phone_example: '+33 1 23 45 67 89',
    currency: 'EUR',
    exchange: 1,
    lang_id: 2,
    group_type: 2,
    is_eu: true,
  },
  {
    id: 3,
    title: 'Kazakhstan',
    full_title: 'Republic of Kazakhstan',
    iso_code: 'KZ',
    phone_code: '7',
    phone_template: '+7 ### ###-##-##',
    phone_example: '+7 701 234-56-78',
    currency: 'KZT',
    exchange: 1,
    lang_id: 1,
    group_type: 1,
    is_eu: false,
  },
  {
    id: 2,
    title: 'Ukraine',
    full_title: 'Ukraine',
    iso_code: 'UA',
    phone_code: '380',
    phone_template: '+380 ## ###-##-##',
    phone_example: '+380 44 123-45-67',
    currency: 'UAH',
    exchange: 1,
    lang_id: 1,
    group_type: 1,
    is_eu: false,
  },
  {
    id: 40,
    title: 'Latvia',
    full_title: 'Republic of Latvia',
    iso_code: 'LV',
    phone_code: '371',
    phone_template: '+371 #### ####',
    phone_example: '+371 2123 4567',
    currency: 'EUR',
    exchange: 1,
    lang_id: 2,
    group_type: 2,
    is_eu: true,
  },
]

/** Country 7 (USA) has no fiscal tax systems: the empty case. */
export const TAX_SYSTEMS: Record<number, MockTaxSystem[]> = {
  1: RUSSIA_TAX_SYSTEMS,
  7: [],
  3: [
    {
      title: 'General regime',
      slug: 'kz_general',
      vats: [
        { title: '0%', slug: 'kz_vat_0' },
        { title: '12%', slug: 'kz_vat_12' },
        { title: 'Without VAT', slug: 'kz_vat_none' },
      ],
    },
    {
      title: 'Simplified declaration',
      slug: 'kz_simplified',
      vats: [{ title: 'Without VAT', slug: 'kz_vat_none' }],
    },
  ],
  56: [
    {
      title: 'Régime réel normal',
      slug: 'fr_reel',
      vats: [
        { title: '5.5%', slug: 'fr_vat_5_5' },
        { title: '10%', slug: 'fr_vat_10' },
        { title: '20%', slug: 'fr_vat_20' },
      ],
    },
    {
      title: 'Micro-entreprise (franchise en base)',
      slug: 'fr_micro',
      vats: [{ title: 'TVA non applicable, art. 293 B du CGI', slug: 'fr_vat_none' }],
    },
  ],
  2: [
    {
      title: 'General system',
      slug: 'ua_general',
      vats: [
        { title: '0%', slug: 'ua_vat_0' },
        { title: '7%', slug: 'ua_vat_7' },
        { title: '20%', slug: 'ua_vat_20' },
      ],
    },
    {
      title: 'Single tax, group 3',
      slug: 'ua_single_3',
      vats: [{ title: 'Without VAT', slug: 'ua_vat_none' }],
    },
  ],
  40: [
    {
      title: 'Standard regime',
      slug: 'lv_standard',
      vats: [
        { title: '12%', slug: 'lv_vat_12' },
        { title: '21%', slug: 'lv_vat_21' },
      ],
    },
  ],
}
