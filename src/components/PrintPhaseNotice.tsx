import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconCircleCheck, IconHelpCircle, IconPrinter, IconX } from '@tabler/icons-react'
import { useI18n } from '@/i18n'
import type { PrintPhase } from './printBill'

/** Where the print dialog's one print is, after the cashier confirmed it (PrintBillDialog). */
export function PhaseNotice({
  phase,
  onPrintAgain,
  onCheckAgain,
}: {
  phase: PrintPhase
  onPrintAgain: () => void
  onCheckAgain: () => void
}) {
  const p = useI18n().t.print
  switch (phase.kind) {
    case 'ready':
      return null
    case 'sending':
      return (
        <Alert
          color="blue"
          icon={<Loader size="xs" aria-hidden />}
          title={p.sendingTitle}
          role="status"
        >
          <Stack gap={4}>
            <Text size="sm">{p.sending}</Text>
            <Text size="sm">{p.carriesOn}</Text>
          </Stack>
        </Alert>
      )
    case 'following':
      return (
        <Alert
          color="blue"
          icon={<Loader size="xs" aria-hidden />}
          title={p.followingTitle}
          role="status"
        >
          <Stack gap={4}>
            <Text size="sm">{p.following(phase.statusLabel)}</Text>
            <Text size="sm">{p.carriesOn}</Text>
          </Stack>
        </Alert>
      )
    case 'succeeded':
      return (
        <Alert
          color="teal"
          icon={<IconCircleCheck aria-hidden />}
          title={p.printedTitle}
          role="status"
        >
          {p.statusIs(phase.statusLabel)}
        </Alert>
      )
    case 'failed':
      return (
        <Alert color="red" icon={<IconX aria-hidden />} title={phase.title} role="alert">
          <Stack gap={4}>
            <Text size="sm">{phase.message}</Text>
            {phase.details.map((detail) => (
              <Text size="sm" key={detail}>
                {detail}
              </Text>
            ))}
          </Stack>
        </Alert>
      )
    case 'gave-up':
      return (
        <Alert
          color="yellow"
          icon={<IconHelpCircle aria-hidden />}
          title={p.gaveUpTitle}
          role="alert"
        >
          {p.gaveUp(phase.seconds, phase.statusLabel)}
        </Alert>
      )
    case 'unknown':
      return (
        <Alert
          color="yellow"
          icon={<IconHelpCircle aria-hidden />}
          title={p.unknownTitle}
          role="alert"
        >
          <Stack gap="xs">
            <Text size="sm">{p.mayHavePrinted(phase.message)}</Text>
            {phase.checking ? (
              <Group gap="xs">
                <Loader size="xs" aria-hidden />
                <Text size="sm">{p.checkingLog}</Text>
              </Group>
            ) : phase.foundLabel ? (
              <Text size="sm">{p.foundNew(phase.foundLabel)}</Text>
            ) : (
              <>
                <Text size="sm">{p.noneNew}</Text>
                <Group>
                  <Button size="xs" variant="light" color="yellow" onClick={onCheckAgain}>
                    {p.checkAgain}
                  </Button>
                  <Button
                    size="xs"
                    color="yellow"
                    // White on yellow is 2.5:1; autoContrast picks dark text (AA).
                    autoContrast
                    onClick={onPrintAgain}
                    leftSection={<IconPrinter size={14} aria-hidden />}
                  >
                    {p.printAgain}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Alert>
      )
  }
}
