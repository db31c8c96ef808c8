import './styles'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { Providers } from './providers'
import { routes } from './router'

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

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={createBrowserRouter(routes)} />
    </Providers>
  </StrictMode>,
)
