/** Where the e2e servers listen (playwright.config.ts starts them). */
export const MOCK_API = 'http://127.0.0.1:4010'
export const APP = 'http://127.0.0.1:8080'
/** The same build served as a YCLIENTS deployment (ALTEGIO_API_FLAVOUR=yclients). */
export const APP_YCLIENTS = 'http://127.0.0.1:8081'
