/**
 * Compiled by `npm run typecheck`, never run: each `@ts-expect-error` marks a mock answer the spec
 * does not allow. Should one of them ever compile, the directive is unused and tsc fails.
 */
import { route } from '@/mocks/http'

export const wrongAnswers = [
  route(
    'get',
    '/countries',
    'listCountries',
  )(({ reply }) =>
    // @ts-expect-error a country needs a title
    reply(200, { success: true, data: [{ id: 1 }], meta: [] }),
  ),
  route(
    'get',
    '/countries',
    'listCountries',
  )(({ reply }) =>
    // @ts-expect-error a field the spec does not list
    reply(200, { success: true, data: [{ id: 1, title: 'X', flag: 'white' }], meta: [] }),
  ),
  route(
    'get',
    '/countries',
    'listCountries',
  )(({ reply }) =>
    // @ts-expect-error the spec lists no 500 for this operation
    reply(500, { success: false, data: null, meta: {} }),
  ),
  route(
    'get',
    '/kkm_transactions/{location_id}',
    'listKkmTransactions',
  )(({ reply }) =>
    // @ts-expect-error meta.count is required on the transaction log
    reply(200, { success: true, data: [], meta: {} }),
  ),
  route(
    'get',
    '/countries',
    'listCountries',
  )(
    // @ts-expect-error an answer must be made by reply(), not written by hand
    () => ({ status: 200, body: { success: true, data: [], meta: [] } }),
  ),
  route(
    'post',
    '/kkm_transactions/{location_id}/print_document_bill',
    'printDocumentBill',
  )(({ reply }) =>
    reply(200, {
      success: true,
      data: {
        kkm_type: 0,
        kkm_transactions: [
          {
            id: 1,
            print_date: '',
            printed_count: 0,
            sum: 0,
            type: { id: 0, title: '' },
            // @ts-expect-error status ids are the documented enum
            status: { id: 9, title: '' },
            document: { id: 1, type: 7, type_title: '' },
            cashier: { id: 1, name: '' },
          },
        ],
        status: 2,
        bill_json: [],
      },
      meta: [],
    }),
  ),
]

export const rightAnswer = route(
  'get',
  '/countries',
  'listCountries',
)(({ reply }) => reply(200, { success: true, data: [{ id: '1', title: 'Russia' }], meta: [] }))
