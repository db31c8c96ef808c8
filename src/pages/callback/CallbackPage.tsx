import '@mantine/core/styles/Code.css'
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
  callbackHeaders,
  callbackMutation,
  callbackUrl,
  invalidateAfterCallback,
  type CallbackStatus,
  type KkmCallbackRequest,
} from '@/api/callback'
import { apiFlavour } from '@/api/client'
import { isApiError } from '@/api/errors'
import { PRODUCT_NAME } from '@/api/flavour'
import { CurlPreview, type CurlRequest } from '@/components/CurlPreview'
import { ErrorNotice } from '@/components/ErrorNotice'
import { PageHeader } from '@/components/PageHeader'
import { mayHaveTakenEffect } from '@/domain/outcome'
import { useI18n, type Messages } from '@/i18n'
import { formatTime } from '@/i18n/format'
import { describeError } from '../describeError'
import {
  codeForStatus,
  EMPTY_FIELDS,
  EXAMPLE_REQUEST_ID,
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

function codeLabel(code: number, t: Messages): string {
  return `${code} — ${t.enums.callbackCode[code] ?? t.callback.unknownCode}`
}

/** A refusal (4xx, or `success: false`) changed nothing; any other failure may have been recorded. */
function mayHaveArrived(error: unknown): boolean {
  return !isApiError(error) || mayHaveTakenEffect(error)
}

interface Sent {
  body: KkmCallbackRequest
  at: number
}

function RecordedNotice({ sent, data }: { sent: Sent; data: unknown }) {
  const { body } = sent
  const { t, intlLocale } = useI18n()
  return (
    <Alert color="teal" variant="light" title={t.callback.recordedTitle} role="status">
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t.callback.recorded(
            body.status,
            codeLabel(body.code, t),
            body.id,
            formatTime(new Date(sent.at), intlLocale),
            PRODUCT_NAME[apiFlavour()],
          )}
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
  const { t, intlLocale } = useI18n()
  const m = t.callback
  const product = PRODUCT_NAME[apiFlavour()]
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
    const found = validateCallback(fields, t)
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
      ['Accept', callbackHeaders().Accept],
      ['Authorization', MASKED_AUTHORIZATION],
      ['Content-Type', callbackHeaders()['Content-Type']],
    ],
    body: JSON.stringify(toCallbackBody(fields)),
  }

  const codeOptions = CALLBACK_CODES.filter((code) =>
    fields.status === 'success' ? code === 0 : code !== 0,
  ).map((code) => ({ value: String(code), label: codeLabel(code, t) }))

  const failure = mutation.isError ? describeError(mutation.error, t) : null
  const notFound = isApiError(mutation.error) && mutation.error.status === 404
  const unknown = mutation.isError && mayHaveArrived(mutation.error)
  const messageLength = fields.message.trim().length

  return (
    <Stack maw={900}>
      <PageHeader title={m.title} intro={m.intro(product)} />

      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-labelledby={titleId}>
          <Stack>
            <Title order={2} size="h4" id={titleId}>
              {m.formTitle}
            </Title>
            <TextInput
              label={m.requestId}
              description={m.requestIdHint}
              placeholder={EXAMPLE_REQUEST_ID}
              autoComplete="off"
              spellCheck={false}
              value={fields.requestId}
              onChange={(event) => update('requestId', event.currentTarget.value)}
              error={errors.requestId}
              required
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={statusLabelId}>
                {m.status}
              </Text>
              <SegmentedControl
                aria-labelledby={statusLabelId}
                value={fields.status}
                onChange={(value) => changeStatus(value as CallbackStatus)}
                data={[
                  { value: 'success', label: m.success },
                  { value: 'error', label: m.error },
                ]}
                maw={320}
              />
            </Stack>
            <Select
              label={m.code}
              description={fields.status === 'success' ? m.codeSuccessHint : m.codeErrorHint}
              placeholder={m.chooseCode}
              data={codeOptions}
              value={fields.code}
              onChange={(value) => update('code', value)}
              allowDeselect={false}
              error={errors.code}
              required
              maw={420}
            />
            <Textarea
              label={m.message}
              description={`${
                fields.status === 'error' ? m.messageErrorHint : m.messageSuccessHint
              } ${m.characters(messageLength, MAX_MESSAGE_LENGTH)}`}
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
                    ? m.notFound(failure.message, lastSent.body.id, product)
                    : unknown
                      ? m.mayHaveArrived(failure.message, product)
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
                {m.send}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <CurlPreview request={preview} title={t.common.curlTitle} description={m.curlHint} />
      </Paper>

      <Modal
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        title={<span id={confirmTitleId}>{m.againTitle}</span>}
        aria-labelledby={confirmTitleId}
        closeButtonProps={{ 'aria-label': t.common.close }}
      >
        <Stack>
          <Text size="sm">
            {m.again(confirming ? formatTime(new Date(confirming.at), intlLocale) : '--:--')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmOpen(false)}>
              {t.common.cancel}
            </Button>
            <Button onClick={confirmAgain} loading={mutation.isPending}>
              {m.sendAgain}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
