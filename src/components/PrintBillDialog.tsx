import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconHelpCircle,
  IconPrinter,
  IconX,
} from '@tabler/icons-react'
import { useId } from 'react'
import { useI18n } from '@/i18n'
import type { DuplicateCheck, PrintOperation, PrintPhase } from './printBill'

export interface PrintBillDialogProps {
  opened: boolean
  onClose: () => void
  /** After the closing transition: the caller gives focus back to what opened the dialog. */
  onClosed?: () => void
  /** A row's document is fixed; the toolbar's form lets the cashier type one. */
  documentEditable: boolean
  documentValue: string
  onDocumentChange: (value: string) => void
  documentError: string | null
  /** "Visit #10234", when the log knows the document. */
  documentLabel: string | null
  operation: PrintOperation
  onOperationChange: (operation: PrintOperation) => void
  usePosTerminal: boolean
  onUsePosTerminalChange: (value: boolean) => void
  sum: string | null
  check: DuplicateCheck
  duplicateAcknowledged: boolean
  onDuplicateAcknowledgedChange: (value: boolean) => void
  phase: PrintPhase
  onConfirm: () => void
  onPrintAgain: () => void
  onCheckAgain: () => void
}

function PhaseNotice({
  phase,
  onPrintAgain,
  onCheckAgain,
}: Pick<PrintBillDialogProps, 'phase' | 'onPrintAgain' | 'onCheckAgain'>) {
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
          {p.sending}
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
          {p.following(phase.statusLabel)}
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

/**
 * The confirmation before a fiscal receipt is printed. Naming the document, the operation and the
 * sum, it warns of an earlier receipt, and then follows this one print to its end.
 */
export function PrintBillDialog(props: PrintBillDialogProps) {
  const { phase, check } = props
  const titleId = useId()
  const { t } = useI18n()
  const p = t.print
  // After a failure nothing was printed: the cashier may correct the form and print, as a new intent.
  const editing = phase.kind === 'ready' || phase.kind === 'failed'
  const needsAcknowledgement = check.state === 'duplicate' || check.state === 'failed'
  const canPrint =
    editing &&
    props.documentError === null &&
    props.documentValue.trim() !== '' &&
    check.state !== 'checking' &&
    check.state !== 'idle' &&
    (!needsAcknowledgement || props.duplicateAcknowledged)
  const finished =
    phase.kind === 'succeeded' ||
    phase.kind === 'gave-up' ||
    phase.kind === 'failed' ||
    (phase.kind === 'unknown' && phase.foundLabel !== null)

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onClosed}
      returnFocus={false}
      title={<span id={titleId}>{p.title}</span>}
      aria-labelledby={titleId}
      closeButtonProps={{ 'aria-label': t.common.close }}
    >
      <Stack>
        {props.documentEditable && editing ? (
          <TextInput
            label={p.documentId}
            inputMode="numeric"
            value={props.documentValue}
            onChange={(event) => props.onDocumentChange(event.currentTarget.value)}
            error={props.documentError}
            data-autofocus
          />
        ) : null}
        <Table variant="vertical" withTableBorder aria-label={p.receipt}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140} scope="row">
                {p.document}
              </Table.Th>
              <Table.Td>
                {props.documentLabel ?? (props.documentValue ? `#${props.documentValue}` : '—')}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{p.operation}</Table.Th>
              <Table.Td>{props.operation === 'sale' ? p.sale : p.saleReturn}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{p.sum}</Table.Th>
              <Table.Td>{props.sum ?? p.notInLog}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {editing && (
          <>
            <SegmentedControl
              aria-label={p.operation}
              value={props.operation}
              onChange={(value) => props.onOperationChange(value as PrintOperation)}
              data={[
                { value: 'sale', label: p.sale },
                { value: 'return', label: p.saleReturn },
              ]}
            />
            <Switch
              label={p.posTerminal}
              description={p.posTerminalHint}
              checked={props.usePosTerminal}
              onChange={(event) => props.onUsePosTerminalChange(event.currentTarget.checked)}
            />
          </>
        )}
        {editing && check.state === 'checking' && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{p.lookingUp}</Text>
          </Group>
        )}
        {editing && needsAcknowledgement && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={check.state === 'duplicate' ? p.alreadyPrinted : p.couldNotCheck}
            role="alert"
          >
            <Stack gap="xs">
              <Text size="sm">{check.message}</Text>
              <Checkbox
                label={check.state === 'duplicate' ? p.printAnyway : p.printUnchecked}
                checked={props.duplicateAcknowledged}
                onChange={(event) =>
                  props.onDuplicateAcknowledgedChange(event.currentTarget.checked)
                }
              />
            </Stack>
          </Alert>
        )}
        <PhaseNotice
          phase={phase}
          onPrintAgain={props.onPrintAgain}
          onCheckAgain={props.onCheckAgain}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {finished || phase.kind === 'following' ? t.common.close : t.common.cancel}
          </Button>
          {(editing || phase.kind === 'sending') && (
            <Button
              onClick={props.onConfirm}
              disabled={!canPrint}
              loading={phase.kind === 'sending'}
              leftSection={<IconPrinter size={18} aria-hidden />}
            >
              {p.print}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
