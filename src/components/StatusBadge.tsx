import { Badge, Loader } from '@mantine/core'

export type StatusTone = 'pending' | 'success' | 'failure' | 'unknown'

const COLORS: Record<StatusTone, string> = {
  pending: 'blue',
  success: 'teal',
  failure: 'red',
  unknown: 'gray',
}

/** A receipt's printing status: the colour says in flight, success or failure; the text says which. */
export function StatusBadge({ tone, label }: { tone: StatusTone; label: string }) {
  return (
    <Badge
      color={COLORS[tone]}
      variant={tone === 'pending' ? 'outline' : 'light'}
      leftSection={tone === 'pending' ? <Loader size={10} color="blue" aria-hidden /> : undefined}
      style={{ maxWidth: '100%', textTransform: 'none' }}
      title={label}
    >
      {label}
    </Badge>
  )
}
