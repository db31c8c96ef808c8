import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { NotLockedError, unlockMutation } from '@/api/auth'
import { ErrorNotice } from '@/components/ErrorNotice'
import { useDocumentTitle } from '@/components/PageHeader'
import { useI18n } from '@/i18n'
import { idleSettings } from '@/session/idle'
import { endSession, isLastUser, startSession, useLockedSession } from '@/session/store'
import { tokenProblem } from '@/session/validateToken'
import { describeError } from '../describeError'

/**
 * Shown in place of the page after the idle timeout. The URL, and so the page and its filters,
 * stay as they were; the user token is asked for again before anything is shown or sent.
 */
export function LockScreen() {
  const locked = useLockedSession()
  const { t } = useI18n()
  useDocumentTitle(t.lock.title)
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [userToken, setUserToken] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const unlock = useMutation({
    ...unlockMutation(),
    onSuccess: (next) => {
      if (isLastUser(next.userToken)) {
        startSession(next)
        void queryClient.invalidateQueries()
        return
      }
      // Another user's token: the locked user's session ends (their data leaves the cache) and the
      // new one starts at the start page, without the locked user's name.
      endSession('signed-out')
      startSession({ ...next, user: null })
      void navigate('/', { replace: true })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (unlock.isPending) return
    const found = tokenProblem(t.tokens.user, userToken, t.tokens)
    setProblem(found)
    if (!found) unlock.mutate({ locked, userToken: userToken.trim() })
  }
  const failure = unlock.error
    ? describeError(
        unlock.error instanceof NotLockedError ? new Error(t.lock.notLocked) : unlock.error,
        t,
      )
    : null
  const minutes = Math.round(idleSettings.timeoutMs / 60_000)
  return (
    <Center mih="80vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate aria-labelledby="lock-title">
          <Stack>
            <div>
              <Title order={1} size="h3" id="lock-title">
                {t.lock.title}
              </Title>
              <Text size="sm" c="dimmed">
                {t.lock.idle(minutes, locked?.user?.name ?? null)}
              </Text>
            </div>
            <PasswordInput
              label={t.tokens.user}
              autoComplete="off"
              spellCheck={false}
              value={userToken}
              onChange={(event) => setUserToken(event.currentTarget.value)}
              error={problem}
              data-autofocus
              required
            />
            {failure && <ErrorNotice title={failure.title} message={failure.message} />}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => endSession('signed-out')}>
                {t.lock.signOut}
              </Button>
              <Button type="submit" loading={unlock.isPending}>
                {t.lock.unlock}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
