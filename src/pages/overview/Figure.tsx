import { Anchor, VisuallyHidden } from '@mantine/core'
import { Link } from 'react-router'
import { logHref } from './logHref'
import type { StatusCount } from './daySummary'
import type { ReactNode } from 'react'

/** A figure: a link into the log, named by what it counts and where (the context is read, not shown). */
export function Figure({
  to,
  context,
  children,
}: {
  to: string
  context: string
  children: ReactNode
}) {
  return (
    // Always underlined: a figure is a link by its shape, not only by its colour.
    <Anchor component={Link} to={to} fw={500} underline="always">
      {/* The space outside the hidden part: name computation trims each element's text. */}
      {children} <VisuallyHidden>{context}</VisuallyHidden>
    </Anchor>
  )
}

/**
 * A count of one status today: a figure linking to the log filtered to that status on a page that
 * holds them all, or plain text for a status the log cannot filter by.
 */
export function StatusFigure({
  entry,
  locationId,
  today,
  context,
  children,
}: {
  entry: StatusCount
  locationId: number
  today: string
  context: string
  children: ReactNode
}) {
  if (entry.filter === null) return <>{children}</>
  const to = logHref(locationId, {
    startDate: today,
    endDate: today,
    status: entry.filter,
    expected: entry.count,
  })
  return (
    <Figure to={to} context={context}>
      {children}
    </Figure>
  )
}
