import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Link, MemoryRouter, Route, Routes } from 'react-router'
import { expect, it, vi } from 'vitest'
import { RouteErrorBoundary } from '@/pages/RouteError'
import { Providers } from '@/providers'

function Broken(): never {
  throw new TypeError('Cannot read properties of undefined (reading "sum")')
}

function Shell() {
  return (
    <>
      <nav>
        <Link to="/fine">Somewhere else</Link>
      </nav>
      <RouteErrorBoundary>
        <Routes>
          <Route path="/broken" element={<Broken />} />
          <Route path="/fine" element={<h1>A page that works</h1>} />
        </Routes>
      </RouteErrorBoundary>
    </>
  )
}

it('shows a failing page’s error in its place, keeps the rest usable, and clears it on leaving', async () => {
  // React reports the caught error to the console; the test is about what the user sees.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  render(
    <Providers env="test">
      <MemoryRouter initialEntries={['/broken']}>
        <Shell />
      </MemoryRouter>
    </Providers>,
  )
  expect(await screen.findByText(/This page failed/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/')

  await userEvent.click(screen.getByRole('link', { name: 'Somewhere else' }))
  expect(await screen.findByRole('heading', { name: 'A page that works' })).toBeInTheDocument()
  expect(screen.queryByText(/This page failed/)).not.toBeInTheDocument()
})
