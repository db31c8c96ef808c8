import {
  AppShell,
  Burger,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import {
  IconLayoutDashboard,
  IconLogout,
  IconPlugConnected,
  IconReceipt,
  IconReceiptTax,
} from '@tabler/icons-react'
import { Suspense, useEffect, useRef, useState } from 'react'
import { Link, Outlet, useLocation } from 'react-router'
import { useI18n } from '@/i18n'
import { paths } from '@/paths'
import { usePreference } from '@/preferences/store'
import { useIdleLock } from '@/session/idle'
import { useSelectedLocation } from '@/session/selectedLocation'
import { endSession, useSession } from '@/session/store'
import './cashierMode.css'
import './shell.css'
import { LanguageSwitcher } from '../LanguageSwitcher'
import { isModalOpen, useShortcuts } from '../shortcuts'
import { CashierModeSwitch, useCashierModeAttribute } from './CashierModeSwitch'
import {
  ColorSchemeToggle,
  LocationPicker,
  ShortcutsButton,
  useShortcutsDialog,
} from './HeaderControls'
import { SkipLink, MAIN_CONTENT_ID } from './SkipLink'

/** Whether the screen is narrower than a Mantine breakpoint; known on the first render, so nothing jumps. */
function useBelow(breakpoint: 'xs' | 'sm' | 'lg'): boolean {
  const theme = useMantineTheme()
  const width = parseFloat(theme.breakpoints[breakpoint])
  return useMediaQuery(`(max-width: ${width - 0.01}em)`, undefined, {
    getInitialValueInEffect: false,
  })
}

/** Escape closes the open navigation drawer, unless a dialog above it takes the key. */
function useEscapeClosesDrawer(active: boolean, onEscape: () => void) {
  const latest = useRef(onEscape)
  useEffect(() => {
    latest.current = onEscape
  })
  useEffect(() => {
    if (!active) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (isModalOpen()) return
      latest.current()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [active])
}

export function AppShellLayout() {
  const [opened, { toggle, close }] = useDisclosure()
  const session = useSession()
  const { t } = useI18n()
  const [selected] = useSelectedLocation()
  const [cashierMode] = usePreference('cashierMode')
  const { pathname } = useLocation()
  useEffect(close, [pathname, close])
  useIdleLock(session !== null)
  useCashierModeAttribute(cashierMode)

  // Below this width the navigation is a drawer behind the burger: on a phone, and in cashier mode
  // on a tablet too, where the larger sidebar would take a third of the screen for one link. A
  // closed drawer is inert, so Tab never walks through links that are off the screen; an open one
  // covers the page, which is inert then, so Tab stays in the header and the drawer.
  const breakpoint = cashierMode ? 'lg' : 'sm'
  const drawer = useBelow(breakpoint)
  // A phone: even without the title the header's switch and buttons would not fit beside the picker.
  const phone = useBelow('xs')
  // A drawer never opened has nothing to show: its links and switches are drawn the first time it
  // opens, not on every phone's first load (a sixth of its first render, and a forced layout).
  const [navDrawn, setNavDrawn] = useState(!drawer)
  if (!navDrawn && (opened || !drawer)) setNavDrawn(true)
  const burger = useRef<HTMLButtonElement>(null)
  useEscapeClosesDrawer(opened && drawer, () => {
    close()
    burger.current?.focus()
  })

  const locationInput = useRef<HTMLInputElement>(null)
  const shortcutsDialog = useShortcutsDialog()
  useShortcuts({
    location: () => locationInput.current?.focus(),
    help: shortcutsDialog.open,
  })

  const transactionsPath = selected === null ? null : paths.log(selected)
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint, collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink label={t.shell.skipToContent} />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              ref={burger}
              opened={opened}
              onClick={toggle}
              hiddenFrom={breakpoint}
              size="sm"
              aria-label={t.shell.toggleNavigation}
              aria-expanded={opened}
            />
            {/* Below these widths the header's controls need the room (cashier mode's are larger). */}
            <Title order={2} size="h4" visibleFrom={cashierMode ? 'md' : 'sm'}>
              {t.app.name}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flex: 1, minWidth: 0 }}>
            <LocationPicker inputRef={locationInput} />
            {!phone && (
              <>
                <LanguageSwitcher visibleFrom="md" />
                <CashierModeSwitch />
                <ShortcutsButton onOpen={shortcutsDialog.open} inDrawer={false} />
                <ColorSchemeToggle inDrawer={false} />
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t.shell.mainNavigation} inert={drawer && !opened}>
        {navDrawn && (
          <Stack justify="space-between" h="100%">
            <Stack gap={4}>
              {/* Cashier mode: only the log of the location (administration is one switch away). */}
              {!cashierMode && (
                <NavLink
                  component={Link}
                  to="/overview"
                  label={t.shell.overview}
                  leftSection={<IconLayoutDashboard size={18} aria-hidden />}
                  active={pathname.startsWith('/overview')}
                />
              )}
              {transactionsPath && (
                <NavLink
                  component={Link}
                  to={transactionsPath}
                  label={t.shell.transactions}
                  leftSection={<IconReceipt size={18} aria-hidden />}
                  active={pathname.startsWith('/locations/')}
                />
              )}
              {!cashierMode && (
                <>
                  <NavLink
                    component={Link}
                    to="/tax-systems"
                    label={t.shell.taxSystems}
                    leftSection={<IconReceiptTax size={18} aria-hidden />}
                    active={pathname.startsWith('/tax-systems')}
                  />
                  <NavLink
                    component={Link}
                    to="/callback"
                    label={t.shell.callback}
                    leftSection={<IconPlugConnected size={18} aria-hidden />}
                    active={pathname.startsWith('/callback')}
                  />
                </>
              )}
            </Stack>
            <Stack gap="xs">
              {phone && (
                <>
                  <CashierModeSwitch />
                  <ShortcutsButton onOpen={shortcutsDialog.open} inDrawer />
                  <ColorSchemeToggle inDrawer />
                </>
              )}
              <Text size="sm" c="dimmed">
                {t.shell.signedInAs}
              </Text>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {session?.user?.name ?? t.shell.staffMember}
              </Text>
              <NavLink
                component="button"
                label={t.shell.signOut}
                leftSection={<IconLogout size={18} aria-hidden />}
                onClick={() => endSession('signed-out')}
              />
              <LanguageSwitcher hiddenFrom="md" fullWidth />
            </Stack>
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} inert={drawer && opened}>
        <Suspense fallback={<Loader role="status" aria-label={t.app.loadingPage} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {shortcutsDialog.dialog}
    </AppShell>
  )
}
