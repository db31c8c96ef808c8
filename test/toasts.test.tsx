// Toasts stay out of the first load (src/components/toasts.ts): the container comes in idle time,
// and a toast shown before it waits in the store instead of being lost.
import { render, screen, waitFor } from '@testing-library/react'
import { expect, it } from 'vitest'
import { showToast } from '@/components/toasts'
import { Providers } from '@/providers'

const container = () => document.querySelector('.mantine-Notifications-root')

it('mounts the container after the first render, and shows a toast sent before it came', async () => {
  render(
    <Providers env="test">
      <p>page</p>
    </Providers>,
  )
  expect(screen.getByText('page')).toBeInTheDocument()
  expect(container(), 'no container in the first render').toBeNull()
  showToast({ title: 'Export ready', message: '3 transactions exported' })
  expect(await screen.findByText('3 transactions exported')).toBeInTheDocument()
  await waitFor(() => expect(container()).not.toBeNull())
})
