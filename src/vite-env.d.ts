/// <reference types="vite/client" />

/** True when the embedded mock API (MSW) is bundled: the dev server on mock data and the demo build. */
declare const __MOCK_API__: boolean

interface ImportMetaEnv {
  /** Base URL of the Altegio API as the browser sees it; defaults to the same-origin `/api/v1`. */
  readonly VITE_API_BASE_URL?: string
  /** Minutes without input before the session locks (default 15). */
  readonly VITE_IDLE_LOCK_MINUTES?: string
}
