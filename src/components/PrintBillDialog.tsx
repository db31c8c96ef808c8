import '@mantine/core/styles/Table.css'
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
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react'
import { useEffect, useId, useRef } from 'react'
import { useI18n, type Messages } from '@/i18n'
import { PhaseNotice } from './PrintPhaseNotice'
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

/** What the warning is called, and what printing anyway means, for each thing the log showed. */
function warningWords(check: DuplicateCheck, p: Messages['print']) {
  if (check.state === 'failed') return { title: p.couldNotCheck, anyway: p.printUnchecked }
  if (check.state !== 'duplicate') return null
  switch (check.reason) {
    case 'printed':
      return { title: p.alreadyPrinted, anyway: p.printAnyway }
    case 'in-flight':
      return { title: p.beingPrinted, anyway: p.printAnyway }
    case 'no-sale':
      return { title: p.noSaleTitle, anyway: p.printReturnAnyway }
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
  const warning = warningWords(check, p)
  const needsAcknowledgement = warning !== null
  const canPrint =
    editing &&
    props.documentError === null &&
    props.documentValue.trim() !== '' &&
    check.state !== 'checking' &&
    check.state !== 'idle' &&
    (!needsAcknowledgement || props.duplicateAcknowledged)
  // Nothing can cancel a print once sent: the dialog only hides, and says where the outcome goes.
  const running = phase.kind === 'sending' || phase.kind === 'following'
  // Enter in Document id moves on to the confirmation: to whatever asks for a decision once the
  // log has been read (the warning's checkbox, or Print), never straight to printing.
  const printRef = useRef<HTMLButtonElement>(null)
  const acknowledgeRef = useRef<HTMLInputElement>(null)
  const confirming = useRef(false)
  const ready = check.state !== 'checking' && check.state !== 'idle'
  useEffect(() => {
    if (!confirming.current || !ready) return
    confirming.current = false
    ;(needsAcknowledgement ? acknowledgeRef : printRef).current?.focus()
  }, [ready, needsAcknowledgement])
  const moveToConfirmation = () => {
    if (props.documentError !== null || props.documentValue.trim() === '') return
    if (ready) (needsAcknowledgement ? acknowledgeRef : printRef).current?.focus()
    else confirming.current = true
  }
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
            onKeyDown={(event) => {
              if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
              event.preventDefault()
              moveToConfirmation()
            }}
            data-autofocus
          />
        ) : null}
        <Table variant="vertical" withTableBorder aria-label={p.receipt}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140} scope="row">
                {p.document}
              </Table.Th>
              <Table.Td>{props.documentLabel ?? '—'}</Table.Td>
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
        {editing && warning && 'message' in check && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={warning.title}
            role="alert"
          >
            <Stack gap="xs">
              <Text size="sm">{check.message}</Text>
              <Checkbox
                ref={acknowledgeRef}
                label={warning.anyway}
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
            {running ? p.hide : finished ? t.common.close : t.common.cancel}
          </Button>
          {(editing || phase.kind === 'sending') && (
            <Button
              ref={printRef}
              onClick={props.onConfirm}
              disabled={!canPrint}
              loading={phase.kind === 'sending'}
              leftSection={<IconPrinter size={18} aria-hidden />}
            >
              {phase.kind === 'failed' ? p.printAgain : p.print}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
