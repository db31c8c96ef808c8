import './styles'
import { lazy, startTransition, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { Providers } from './providers'
import { AppRoutes } from './router'

async function startMockApi() {
  // Compiled out of production builds: __MOCK_API__ is a build-time constant.
  if (__MOCK_API__) {
    const [{ startMockWorker }, { mountMockPanel, restoreMockScenario }] = await Promise.all([
      import('./mocks/browser'),
      import('./dev/MockPanel'),
    ])
    restoreMockScenario()
    await startMockWorker()
    mountMockPanel()
  }
}

await startMockApi()

// Only the dev server loads the query devtools; `import.meta.env.DEV` is false in every build.
const QueryDevtools = import.meta.env.DEV
  ? lazy(() =>
      import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })),
    )
  : () => null

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// A transition: React keeps index.html's first screen (scripts/first-screen.ts) on view until the
// route's lazy chunks are in, then replaces it in one commit, instead of a spinner in between.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
        <Suspense fallback={null}>
          <QueryDevtools buttonPosition="bottom-right" />
        </Suspense>
      </Providers>
    </StrictMode>,
  ),
)
