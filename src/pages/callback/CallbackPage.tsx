import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState, type FormEvent } from 'react'
import {
  CALLBACK_CODES,
  CALLBACK_HEADERS,
  callbackMutation,
  callbackUrl,
  invalidateAfterCallback,
  type CallbackStatus,
  type KkmCallbackRequest,
} from '@/api/callback'
import { isApiError } from '@/api/errors'
import { CurlPreview, type CurlRequest } from '@/components/CurlPreview'
import { ErrorNotice } from '@/components/ErrorNotice'
import { CALLBACK_CODE_LABELS } from '@/i18n/labels'
import { currentMessages } from '@/i18n'
import { describeError } from '../describeError'
import {
  codeForStatus,
  EMPTY_FIELDS,
  isComplete,
  MAX_MESSAGE_LENGTH,
  toCallbackBody,
  validateCallback,
  type CallbackFieldErrors,
  type CallbackFields,
} from './form'
import { rememberSent, sentAt } from './sentCallbacks'

/** The preview never holds a token: the page does not read them, it writes this. */
export const MASKED_AUTHORIZATION = 'Bearer ••••••, User ••••••'

const STATUS_LABELS: Record<CallbackStatus, string> = { success: 'Success', error: 'Error' }

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function hhmm(at: number): string {
  return timeFormat.format(new Date(at))
}

function codeLabel(code: number): string {
  return `${code} — ${CALLBACK_CODE_LABELS[code] ?? 'Unknown code'}`
}

/** A refusal (4xx, or `success: false`) changed nothing; any other failure may have been recorded. */
function mayHaveArrived(error: unknown): boolean {
  if (!isApiError(error)) return true
  if (error.kind === 'http') return error.status >= 500
  return error.outcomeUnknown || error.kind === 'malformed'
}

interface Sent {
  body: KkmCallbackRequest
  at: number
}

function RecordedNotice({ sent, data }: { sent: Sent; data: unknown }) {
  const { body } = sent
  return (
    <Alert color="teal" variant="light" title="Result recorded" role="status">
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Altegio accepted the {body.status === 'success' ? 'success' : 'error'} result (code{' '}
          {codeLabel(body.code)}) for request {body.id}, sent at {hhmm(sent.at)}. The receipt moves
          to its final status: the location&apos;s transaction log shows it.
        </Text>
        {data !== null && data !== undefined && (
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {JSON.stringify(data, null, 2)}
          </Code>
        )}
      </Stack>
    </Alert>
  )
}

export function CallbackPage() {
  const queryClient = useQueryClient()
  const mutation = useMutation(callbackMutation())
  const [fields, setFields] = useState<CallbackFields>(EMPTY_FIELDS)
  const [errors, setErrors] = useState<CallbackFieldErrors>({})
  const [lastSent, setLastSent] = useState<Sent | null>(null)
  // What the confirmation asks about; kept while the modal closes, so its text does not flicker.
  const [confirming, setConfirming] = useState<Sent | null>(null)
  const [confirmOpen, setConfirmOpen] = useState(false)
  // A double click, a held Enter or a click while the request runs all land here: one POST.
  const sending = useRef(false)
  const titleId = useId()
  const statusLabelId = useId()
  const confirmTitleId = useId()

  const update = <K extends keyof CallbackFields>(name: K, value: CallbackFields[K]) => {
    setFields((previous) => ({ ...previous, [name]: value }))
    if (errors[name]) setErrors((previous) => ({ ...previous, [name]: undefined }))
  }

  const changeStatus = (status: CallbackStatus) => {
    setFields((previous) => ({ ...previous, status, code: codeForStatus(status, previous.code) }))
    setErrors((previous) => ({ ...previous, code: undefined, message: undefined }))
  }

  const send = async (body: KkmCallbackRequest) => {
    if (sending.current) return
    sending.current = true
    const at = Date.now()
    setLastSent({ body, at })
    try {
      await mutation.mutateAsync(body)
      rememberSent(body.id, at)
      void invalidateAfterCallback(queryClient)
    } catch (error) {
      // Shown from the mutation's state; remembered when Altegio may have recorded it anyway.
      if (mayHaveArrived(error)) rememberSent(body.id, at)
    } finally {
      sending.current = false
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (sending.current || mutation.isPending) return
    const found = validateCallback(fields)
    setErrors(found)
    const body = toCallbackBody(fields)
    if (Object.values(found).some(Boolean) || !isComplete(body)) return
    const before = sentAt(body.id)
    if (before !== undefined) {
      setConfirming({ body, at: before })
      setConfirmOpen(true)
      return
    }
    void send(body)
  }

  const confirmAgain = () => {
    if (!confirmOpen || !confirming || sending.current) return
    setConfirmOpen(false)
    void send(confirming.body)
  }

  const preview: CurlRequest = {
    method: 'POST',
    url: callbackUrl(),
    headers: [
      ['Accept', CALLBACK_HEADERS.Accept],
      ['Authorization', MASKED_AUTHORIZATION],
      ['Content-Type', CALLBACK_HEADERS['Content-Type']],
    ],
    body: JSON.stringify(toCallbackBody(fields)),
  }

  const codeOptions = CALLBACK_CODES.filter((code) =>
    fields.status === 'success' ? code === 0 : code !== 0,
  ).map((code) => ({ value: String(code), label: codeLabel(code) }))

  const failure = mutation.isError ? describeError(mutation.error, currentMessages()) : null
  const notFound = isApiError(mutation.error) && mutation.error.status === 404
  const unknown = mutation.isError && mayHaveArrived(mutation.error)
  const messageLength = fields.message.trim().length

  return (
    <Stack maw={900}>
      <div>
        <Title order={1} size="h2">
          KKM callback
        </Title>
        <Text size="sm" c="dimmed">
          A fiscal integration reports the result of every fiscalization request to Altegio. When an
          integration lost a result (the register answered, the callback never arrived), report it
          here: Altegio moves the receipt to its final status, success or error, and the transaction
          log shows it. Report only a result you know; it is final for the receipt.
        </Text>
      </div>

      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-labelledby={titleId}>
          <Stack>
            <Title order={2} size="h4" id={titleId}>
              Report a result
            </Title>
            <TextInput
              label="Request id"
              description="The fiscalization request's id (a UUID), as the integration received it."
              placeholder="0b5e9a3c-7d41-4f2a-9c1e-2f6d8b4a7e10"
              autoComplete="off"
              spellCheck={false}
              value={fields.requestId}
              onChange={(event) => update('requestId', event.currentTarget.value)}
              error={errors.requestId}
              required
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={statusLabelId}>
                Status
              </Text>
              <SegmentedControl
                aria-labelledby={statusLabelId}
                value={fields.status}
                onChange={(value) => changeStatus(value as CallbackStatus)}
                data={[
                  { value: 'success', label: STATUS_LABELS.success },
                  { value: 'error', label: STATUS_LABELS.error },
                ]}
                maw={320}
              />
            </Stack>
            <Select
              label="Code"
              description={
                fields.status === 'success'
                  ? 'A success is always reported with code 0.'
                  : 'What went wrong: 1xxx the receipt data, 2xxx the register.'
              }
              placeholder="Choose a code"
              data={codeOptions}
              value={fields.code}
              onChange={(value) => update('code', value)}
              allowDeselect={false}
              error={errors.code}
              required
              maw={420}
            />
            <Textarea
              label="Message"
              description={`${
                fields.status === 'error'
                  ? 'Required for an error: what went wrong, as the register or the fiscal service said it.'
                  : 'Optional for a success.'
              } ${messageLength} / ${MAX_MESSAGE_LENGTH} characters.`}
              rows={3}
              value={fields.message}
              onChange={(event) => update('message', event.currentTarget.value)}
              error={errors.message}
              required={fields.status === 'error'}
            />
            {failure && lastSent && (
              <ErrorNotice
                title={failure.title}
                message={
                  notFound
                    ? `${failure.message} Altegio has no fiscalization request waiting for a result with id ${lastSent.body.id}: check the id. A result that was already reported cannot be reported again.`
                    : unknown
                      ? `${failure.message} The callback may have reached Altegio: look at the transaction log before sending it again.`
                      : failure.message
                }
                details={failure.details}
              />
            )}
            {mutation.isSuccess && lastSent && (
              <RecordedNotice sent={lastSent} data={mutation.data.data} />
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending}>
                Send callback
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <CurlPreview
          request={preview}
          title="Request as curl"
          description="The exact request this form sends. Tokens are masked: replace each •••••• with your partner token and user token."
        />
      </Paper>

      <Modal
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        title={<span id={confirmTitleId}>Send the result again?</span>}
        aria-labelledby={confirmTitleId}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text size="sm">
            A result for this request was already sent at{' '}
            {confirming ? hhmm(confirming.at) : '--:--'}. Send again?
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmOpen(false)}>
              Cancel
            </Button>
            <Button onClick={confirmAgain} loading={mutation.isPending}>
              Send again
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
