import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  Loader,
  NavLink,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconKeyboard,
  IconLayoutDashboard,
  IconLogout,
  IconMoon,
  IconPlugConnected,
  IconReceipt,
  IconReceiptTax,
  IconSun,
} from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type Ref } from 'react'
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router'
import { myLocationsQuery } from '@/api/locations'
import { useI18n } from '@/i18n'
import { paths } from '@/paths'
import { usePreference } from '@/preferences/store'
import { useIdleLock } from '@/session/idle'
import { useSelectedLocation } from '@/session/selectedLocation'
import { endSession, useSession } from '@/session/store'
import './cashierMode.css'
import { LanguageSwitcher } from '../LanguageSwitcher'
import { shortcutGroups, useShortcuts } from '../shortcuts'
import { CashierModeSwitch, useCashierModeAttribute } from './CashierModeSwitch'

// Loaded the first time it opens: its code and Kbd's styles stay out of every page's bundle.
const KeyboardShortcutsDialog = lazy(() =>
  import('@/components/KeyboardShortcutsDialog').then((module) => ({
    default: module.KeyboardShortcutsDialog,
  })),
)

/** `data-cashier-mode` on <html> scales every Mantine size, dialogs included (cashierMode.css). */
/** The `?` dialog: opened from the keyboard or the header's button, focus given back on close. */
function useShortcutsDialog() {
  const { t } = useI18n()
  const [opened, setOpened] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const opener = useRef<HTMLElement | null>(null)
  const open = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setLoaded(true)
    setOpened(true)
  }, [])
  const dialog = loaded ? (
    <Suspense fallback={null}>
      <KeyboardShortcutsDialog
        opened={opened}
        onClose={() => setOpened(false)}
        onClosed={() => opener.current?.isConnected && opener.current.focus()}
        groups={shortcutGroups(t)}
      />
    </Suspense>
  ) : null
  return { open, dialog }
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const next = computed === 'dark' ? 'light' : 'dark'
  const { t } = useI18n()
  const label = next === 'dark' ? t.shell.toDark : t.shell.toLight
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => setColorScheme(next)}
        aria-label={label}
      >
        {computed === 'dark' ? (
          <IconSun size={18} aria-hidden />
        ) : (
          <IconMoon size={18} aria-hidden />
        )}
      </ActionIcon>
    </Tooltip>
  )
}

function LocationPicker({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const locations = useQuery(myLocationsQuery())
  const [selected, setSelected] = useSelectedLocation()
  const navigate = useNavigate()
  const { t } = useI18n()
  const onLog = useMatch('/locations/:locationId/*')
  const list = locations.data ?? []

  // A remembered location the user no longer manages is forgotten; a single location is chosen for them.
  useEffect(() => {
    if (!locations.data) return
    if (selected !== null && !locations.data.some((l) => l.id === selected)) setSelected(null)
    else if (selected === null && locations.data.length === 1 && locations.data[0])
      setSelected(locations.data[0].id)
  }, [locations.data, selected, setSelected])

  const current = onLog?.params.locationId ?? (selected === null ? null : String(selected))
  return (
    <Select
      ref={inputRef}
      aria-label={t.shell.location}
      placeholder={
        locations.isPending
          ? t.shell.loadingLocations
          : locations.isError
            ? t.shell.locationsUnavailable
            : t.shell.chooseLocation
      }
      data={list.map((l) => ({ value: String(l.id), label: l.title }))}
      value={current && list.some((l) => String(l.id) === current) ? current : null}
      onChange={(value) => {
        if (!value) return
        setSelected(Number(value))
        void navigate(paths.log(value))
      }}
      searchable
      nothingFoundMessage={t.shell.noLocationMatches}
      allowDeselect={false}
      w={{ base: 150, sm: 300 }}
      comboboxProps={{ withinPortal: true }}
      error={locations.isError ? true : undefined}
    />
  )
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
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t.shell.toggleNavigation}
            />
            {/* Below these widths the header's controls need the room (cashier mode's are larger). */}
            <Title order={2} size="h4" visibleFrom={cashierMode ? 'md' : 'sm'}>
              {t.app.name}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LocationPicker inputRef={locationInput} />
            <LanguageSwitcher visibleFrom="md" />
            <CashierModeSwitch />
            <Tooltip label={t.shell.shortcutsHint}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={shortcutsDialog.open}
                aria-label={t.shell.shortcuts}
                aria-keyshortcuts="?"
              >
                <IconKeyboard size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t.shell.mainNavigation}>
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
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader role="status" aria-label={t.app.loadingPage} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {shortcutsDialog.dialog}
    </AppShell>
  )
}
