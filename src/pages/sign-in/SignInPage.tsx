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
  Title,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { signInWithPassword } from '@/api/auth'
import { queryKeys } from '@/api/keys'
import { verifyCredentials } from '@/api/locations'
import { ErrorNotice } from '@/components/ErrorNotice'
import type { ReturnTo } from '@/session/RequireSession'
import { startSession, useSession, type Session } from '@/session/store'
import { tokenProblem } from '@/session/validateToken'
import { describeError } from '../describeError'

type Mode = 'tokens' | 'password'

interface Fields {
  partnerToken: string
  userToken: string
  login: string
  password: string
}

type FieldErrors = Partial<Record<keyof Fields, string>>

const MAX_LOGIN_LENGTH = 254

function validate(mode: Mode, fields: Fields): FieldErrors {
  const errors: FieldErrors = {}
  const partner = tokenProblem('Partner token', fields.partnerToken)
  if (partner) errors.partnerToken = partner
  if (mode === 'tokens') {
    const user = tokenProblem('User token', fields.userToken)
    if (user) errors.userToken = user
  } else {
    const login = fields.login.trim()
    if (login === '') errors.login = 'Login is required: a phone such as +13155550175 or an email.'
    else if (login.length > MAX_LOGIN_LENGTH) errors.login = 'Login is too long.'
    else if (!/^\+?[\d\s()-]{5,}$/.test(login) && !/^[^\s@]+@[^\s@]+$/.test(login)) {
      errors.login = 'Login must be a phone number or an email.'
    }
    if (fields.password === '') errors.password = 'Password is required.'
    else if (fields.password.length > 1024) errors.password = 'Password is too long.'
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
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<Mode>('tokens')
  const [fields, setFields] = useState<Fields>({
    partnerToken: '',
    userToken: '',
    login: '',
    password: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})

  const signIn = useMutation({
    mutationFn: async (input: { mode: Mode; fields: Fields }): Promise<Session> => {
      const partnerToken = input.fields.partnerToken.trim()
      let userToken = input.fields.userToken.trim()
      let user: Session['user'] = null
      if (input.mode === 'password') {
        const account = await signInWithPassword({
          partnerToken,
          login: input.fields.login.trim(),
          password: input.fields.password,
        })
        userToken = account.user_token
        user = { id: account.id, name: account.name }
      }
      const locations = await verifyCredentials({ partnerToken, userToken })
      queryClient.setQueryData(queryKeys.locations(), locations)
      return { partnerToken, userToken, user }
    },
    onSuccess: (next) => {
      startSession(next)
      void navigate(returnPath(location.state), { replace: true })
    },
  })

  if (session && !signIn.isPending) return <Navigate to={returnPath(location.state)} replace />

  const update = (name: keyof Fields) => (value: string) => {
    setFields((previous) => ({ ...previous, [name]: value }))
    if (errors[name]) setErrors((previous) => ({ ...previous, [name]: undefined }))
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (signIn.isPending) return
    const found = validate(mode, fields)
    setErrors(found)
    if (Object.values(found).some(Boolean)) return
    signIn.mutate({ mode, fields })
  }

  const failure = signIn.error ? describeError(signIn.error) : null

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440} component="main">
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <div>
              <Title order={1} size="h2" id="sign-in-title">
                KKM Console
              </Title>
              <Text c="dimmed" size="sm">
                Sign in with your Altegio API tokens, or with your login and password.
              </Text>
            </div>
            <SegmentedControl
              aria-label="Sign-in method"
              value={mode}
              onChange={(value) => {
                setMode(value as Mode)
                setErrors({})
                signIn.reset()
              }}
              data={[
                { value: 'tokens', label: 'Tokens' },
                { value: 'password', label: 'Login and password' },
              ]}
            />
            <PasswordInput
              label="Partner token"
              description="The integrator's token from the Altegio developer account."
              autoComplete="off"
              spellCheck={false}
              value={fields.partnerToken}
              onChange={(event) => update('partnerToken')(event.currentTarget.value)}
              error={errors.partnerToken}
              required
            />
            {mode === 'tokens' ? (
              <PasswordInput
                label="User token"
                description="From Settings → API access in Altegio."
                autoComplete="off"
                spellCheck={false}
                value={fields.userToken}
                onChange={(event) => update('userToken')(event.currentTarget.value)}
                error={errors.userToken}
                required
              />
            ) : (
              <>
                <TextInput
                  label="Login"
                  description="Phone (+13155550175) or email."
                  autoComplete="username"
                  value={fields.login}
                  onChange={(event) => update('login')(event.currentTarget.value)}
                  error={errors.login}
                  required
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  value={fields.password}
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
              />
            )}
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
            {__MOCK_API__ && (
              <Alert variant="light" color="gray" title="Demo API">
                <Text size="sm">
                  This build runs on the embedded mock API.{' '}
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
                    Fill in the demo tokens
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
