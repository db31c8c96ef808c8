import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import { firstLoadChunk } from './scripts/first-load.ts'
import { firstScreen } from './scripts/first-screen.ts'
import { precompress } from './server/precompress.ts'

/** The path the app calls; a dev or production server forwards it to the real API. */
export const API_PATH = '/api/v1'

function parseUpstream(raw: string | undefined): URL | undefined {
  if (!raw) return undefined
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url
  } catch {
    // fall through to the explanation below
  }
  throw new Error(
    `ALTEGIO_API_URL must be an http(s) URL such as https://api.alteg.io/api/v1, got "${raw}"`,
  )
}

const FLAVOURS = ['altegio', 'yclients']

/**
 * ALTEGIO_API_FLAVOUR (altegio | yclients) names the deployment: the app reads it from a meta tag,
 * so `npm run dev`, a static build and `npm run serve` (which rewrites the tag) all configure it
 * the same way.
 */
export function apiFlavour(raw: string | undefined): Plugin {
  const flavour = raw?.trim() || 'altegio'
  if (!FLAVOURS.includes(flavour)) {
    throw new Error(`ALTEGIO_API_FLAVOUR must be altegio or yclients, got "${raw}"`)
  }
  return {
    name: 'kkm:api-flavour',
    transformIndexHtml: (html) =>
      html.replace(
        /(<meta name="kkm-api-flavour" content=")[^"]*(")/,
        (_match, start: string, end: string) => `${start}${flavour}${end}`,
      ),
  }
}

/**
 * MSW's service worker lives outside public/ so that a production build cannot ship it; only the
 * dev server on the mock API and the demo build serve it.
 */
function mockServiceWorker(): Plugin {
  const fileName = 'mockServiceWorker.js'
  const source = () => readFileSync(new URL(`./mock-public/${fileName}`, import.meta.url), 'utf8')
  return {
    name: 'kkm:mock-service-worker',
    configureServer(server) {
      server.middlewares.use(`/${fileName}`, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript')
        res.end(source())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: source() })
    },
  }
}

export default defineConfig(({ mode, command }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env }
  const upstream = parseUpstream(env.ALTEGIO_API_URL)
  // The embedded mock runs in the dev server unless a real API is named, and in the demo build;
  // a production build never contains it.
  const mockApi = mode === 'demo' || (command === 'serve' && mode !== 'production' && !upstream)
  const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))
  const firstLoad = firstLoadChunk({
    landing: source('pages/sign-in/SignInPage.tsx'),
    shell: source('pages/shell/AppShellLayout.tsx'),
    router: source('router.tsx'),
  })

  return {
    plugins: [
      react(),
      apiFlavour(env.ALTEGIO_API_FLAVOUR),
      firstScreen(),
      firstLoad.plugin,
      ...(mockApi ? [mockServiceWorker()] : []),
      // .br and .gz beside each asset, for the production server (server/precompress.ts).
      precompress(mode === 'demo' ? 'dist-demo' : 'dist'),
    ],
    resolve: {
      alias: [
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        // react-router's package exports only its development build (warnings, invariant messages);
        // it ships a production one beside it, ~2 kB gzip smaller, that builds should use. Tests and
        // the dev server keep the warnings.
        ...(command === 'build'
          ? [
              {
                find: /^react-router$/,
                replacement: fileURLToPath(
                  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
                ),
              },
            ]
          : []),
      ],
    },
    define: { __MOCK_API__: JSON.stringify(mockApi) },
    build: {
      outDir: mode === 'demo' ? 'dist-demo' : 'dist',
      target: 'es2022',
      sourcemap: false,
      manifest: true,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'index', test: firstLoad.test, priority: 10 },
              // A language's words load only when chosen, wherever else they are imported.
              { name: 'en', test: /\/src\/i18n\/messages\/en\.ts$/, priority: 11 },
              { name: 'plural', test: /\/src\/i18n\/plural\.ts$/, priority: 12 },
              { name: 'shell', test: firstLoad.shellTest, priority: 9 },
            ],
          },
        },
      },
    },
    server: {
      host: '127.0.0.1',
      port: Number(env.PORT ?? 5173),
      proxy: upstream
        ? {
            [API_PATH]: {
              target: upstream.origin,
              changeOrigin: true,
              rewrite: (path: string) =>
                upstream.pathname.replace(/\/$/, '') + path.slice(API_PATH.length),
            },
          }
        : undefined,
    },
    preview: { host: '127.0.0.1', port: 4173 },
  }
})
