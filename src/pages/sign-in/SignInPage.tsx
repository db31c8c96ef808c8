import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type FormEvent, type RefObject } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { signInMutation } from '@/api/auth'
import { apiFlavour } from '@/api/client'
import { PRODUCT_NAME } from '@/api/flavour'
import { ErrorNotice } from '@/components/ErrorNotice'
import { PageHeader } from '@/components/PageHeader'
import { useI18n, type Messages } from '@/i18n'
import type { ReturnTo } from '@/session/RequireSession'
import { isLastUser, startSession, useSession } from '@/session/store'
import { tokenProblem } from '@/session/validateToken'
import { describeError } from '../describeError'
import { LanguageSwitcher } from '../LanguageSwitcher'
import { describeRefusal, refusedToken, type SignInMethod } from './refusedTokens'

type Mode = SignInMethod

interface Fields {
  partnerToken: string
  userToken: string
  login: string
  password: string
}

type FieldErrors = Partial<Record<keyof Fields, string>>

/** The fields in the order they are shown: the first with a problem takes the focus. */
const FIELD_ORDER: (keyof Fields)[] = ['partnerToken', 'userToken', 'login', 'password']

const MAX_LOGIN_LENGTH = 254

function validate(mode: Mode, fields: Fields, t: Messages): FieldErrors {
  const errors: FieldErrors = {}
  const s = t.signIn
  const partner = tokenProblem(t.tokens.partner, fields.partnerToken, t.tokens)
  if (partner) errors.partnerToken = partner
  if (mode === 'tokens') {
    const user = tokenProblem(t.tokens.user, fields.userToken, t.tokens)
    if (user) errors.userToken = user
  } else {
    const login = fields.login.trim()
    if (login === '') errors.login = s.loginRequired
    else if (login.length > MAX_LOGIN_LENGTH) errors.login = s.loginTooLong
    else if (!/^\+?[\d\s()-]{5,}$/.test(login) && !/^[^\s@]+@[^\s@]+$/.test(login)) {
      errors.login = s.loginInvalid
    }
    if (fields.password === '') errors.password = s.passwordRequired
    else if (fields.password.length > 1024) errors.password = s.passwordTooLong
  }
  return errors
}

function returnPath(state: unknown): string {
  const from = (state as ReturnTo | null)?.from
  if (!from || from.pathname === '/sign-in') return '/'
  return `${from.pathname}${from.search}${from.hash}`
}

export function SignInPage() {
  const session = useSession()
  const { t } = useI18n()
  const s = t.signIn
  const product = PRODUCT_NAME[apiFlavour()]
  const location = useLocation()
  const navigate = useNavigate()
  const [mode, setMode] = useState<Mode>('tokens')
  const [fields, setFields] = useState<Fields>({
    partnerToken: '',
    userToken: '',
    login: '',
    password: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [destination, setDestination] = useState<string | null>(null)
  const partnerInput = useRef<HTMLInputElement>(null)
  const userInput = useRef<HTMLInputElement>(null)
  const loginInput = useRef<HTMLInputElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)

  const signIn = useMutation({
    ...signInMutation(),
    onSuccess: (next) => {
      // Someone else at the till starts afresh: the last user's page may not be theirs to see.
      // Decided once, before the session is theirs, for both ways this page leaves below.
      const to = isLastUser(next.userToken) ? returnPath(location.state) : '/'
      setDestination(to)
      startSession(next)
      void navigate(to, { replace: true })
    },
  })

  if (session && !signIn.isPending)
    return <Navigate to={destination ?? returnPath(location.state)} replace />

  const update = (name: keyof Fields) => (value: string) => {
    setFields((previous) => ({ ...previous, [name]: value }))
    if (errors[name]) setErrors((previous) => ({ ...previous, [name]: undefined }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (signIn.isPending) return
    const found = validate(mode, fields, t)
    setErrors(found)
    const firstInvalid = FIELD_ORDER.find((name) => found[name])
    if (firstInvalid) {
      const inputs: Record<keyof Fields, RefObject<HTMLInputElement | null>> = {
        partnerToken: partnerInput,
        userToken: userInput,
        login: loginInput,
        password: passwordInput,
      }
      inputs[firstInvalid].current?.focus()
      return
    }
    signIn.mutate(
      mode === 'password'
        ? {
            method: 'password',
            partnerToken: fields.partnerToken,
            login: fields.login,
            password: fields.password,
          }
        : { method: 'tokens', partnerToken: fields.partnerToken, userToken: fields.userToken },
    )
  }

  const refused = refusedToken(signIn.error, mode)
  const described = signIn.error ? describeError(signIn.error, t) : null
  const failure = described && refused ? describeRefusal(refused, described, t, product) : described

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440} component="main">
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <PageHeader title={t.app.name} intro={s.intro(product)} id="sign-in-title" />
            <LanguageSwitcher fullWidth />
            <SegmentedControl
              aria-label={s.method}
              value={mode}
              onChange={(value) => {
                setMode(value as Mode)
                setErrors({})
                signIn.reset()
              }}
              data={[
                { value: 'tokens', label: s.tokens },
                { value: 'password', label: s.password },
              ]}
            />
            <PasswordInput
              label={t.tokens.partner}
              description={s.partnerHint(product)}
              autoComplete="off"
              spellCheck={false}
              value={fields.partnerToken}
              ref={partnerInput}
              onChange={(event) => update('partnerToken')(event.currentTarget.value)}
              error={errors.partnerToken}
              required
            />
            {mode === 'tokens' ? (
              <PasswordInput
                label={t.tokens.user}
                description={s.userHint(product)}
                autoComplete="off"
                spellCheck={false}
                value={fields.userToken}
                ref={userInput}
                onChange={(event) => update('userToken')(event.currentTarget.value)}
                error={errors.userToken}
                required
              />
            ) : (
              <>
                <TextInput
                  label={s.login}
                  description={s.loginHint}
                  autoComplete="username"
                  value={fields.login}
                  ref={loginInput}
                  onChange={(event) => update('login')(event.currentTarget.value)}
                  error={errors.login}
                  required
                />
                <PasswordInput
                  label={s.passwordLabel}
                  autoComplete="current-password"
                  value={fields.password}
                  ref={passwordInput}
                  onChange={(event) => update('password')(event.currentTarget.value)}
                  error={errors.password}
                  required
                />
              </>
            )}
            {failure && (
              <ErrorNotice
                title={failure.title}
                message={failure.message}
                details={failure.details}
                retryLabel={t.errors.tryAgain}
              />
            )}
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {s.submit}
            </Button>
            {__MOCK_API__ && (
              <Alert variant="light" color="gray" title={s.demoTitle}>
                <Text size="sm">
                  {s.demoText}{' '}
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => {
                      setMode('tokens')
                      setErrors({})
                      setFields((previous) => ({
                        ...previous,
                        partnerToken: 'demo-partner-token',
                        userToken: 'demo-user-token',
                      }))
                    }}
                  >
                    {s.demoFill}
                  </Anchor>
                </Text>
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
