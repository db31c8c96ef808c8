import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  Loader,
  NavLink,
  Select,
  Stack,
  Switch,
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
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Ref,
} from 'react'
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router'
import { myLocationsQuery } from '@/api/locations'
import { usePreference } from '@/preferences/store'
import { endSession, useSession } from '@/session/store'
import { useIdleLock } from '@/session/idle'
import { useSelectedLocation } from '@/session/selectedLocation'
import './cashierMode.css'
import { SHORTCUT_GROUPS, useShortcuts } from './shortcuts'

// Loaded the first time it opens: its code and Kbd's styles stay out of every page's bundle.
const KeyboardShortcutsDialog = lazy(() =>
  import('@/components/KeyboardShortcutsDialog').then((module) => ({
    default: module.KeyboardShortcutsDialog,
  })),
)

const TEXT = {
  cashierMode: 'Cashier mode',
  shortcuts: 'Keyboard shortcuts',
  shortcutsHint: 'Keyboard shortcuts (?)',
}

/** `data-cashier-mode` on <html> scales every Mantine size, dialogs included (cashierMode.css). */
const CASHIER_MODE_ATTRIBUTE = 'data-cashier-mode'

function useCashierModeAttribute(on: boolean) {
  useLayoutEffect(() => {
    const root = document.documentElement
    if (!on) return
    root.setAttribute(CASHIER_MODE_ATTRIBUTE, '')
    return () => root.removeAttribute(CASHIER_MODE_ATTRIBUTE)
  }, [on])
}

function CashierModeSwitch() {
  const [cashierMode, setCashierMode] = usePreference('cashierMode')
  return (
    <Switch
      label={TEXT.cashierMode}
      checked={cashierMode}
      onChange={(event) => setCashierMode(event.currentTarget.checked)}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  )
}

/** The `?` dialog: opened from the keyboard or the header's button, focus given back on close. */
function useShortcutsDialog() {
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
        groups={SHORTCUT_GROUPS}
      />
    </Suspense>
  ) : null
  return { open, dialog }
}

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const next = computed === 'dark' ? 'light' : 'dark'
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        variant="default"
        size="lg"
        onClick={() => setColorScheme(next)}
        aria-label={`Switch to ${next} theme`}
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
      aria-label="Location"
      placeholder={
        locations.isPending
          ? 'Loading locations…'
          : locations.isError
            ? 'Locations unavailable'
            : 'Choose a location'
      }
      data={list.map((l) => ({ value: String(l.id), label: l.title }))}
      value={current && list.some((l) => String(l.id) === current) ? current : null}
      onChange={(value) => {
        if (!value) return
        setSelected(Number(value))
        void navigate(`/locations/${value}/transactions`)
      }}
      searchable
      nothingFoundMessage="No location matches"
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

  const transactionsPath = selected === null ? null : `/locations/${selected}/transactions`
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
              aria-label="Toggle navigation"
            />
            {/* Below these widths the header's controls need the room (cashier mode's are larger). */}
            <Title order={2} size="h4" visibleFrom={cashierMode ? 'md' : 'sm'}>
              KKM Console
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LocationPicker inputRef={locationInput} />
            <CashierModeSwitch />
            <Tooltip label={TEXT.shortcutsHint}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={shortcutsDialog.open}
                aria-label={TEXT.shortcuts}
                aria-keyshortcuts="?"
              >
                <IconKeyboard size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Stack justify="space-between" h="100%">
          <Stack gap={4}>
            {/* Cashier mode: only the log of the location (administration is one switch away). */}
            {!cashierMode && (
              <NavLink
                component={Link}
                to="/overview"
                label="Overview"
                leftSection={<IconLayoutDashboard size={18} aria-hidden />}
                active={pathname.startsWith('/overview')}
              />
            )}
            {transactionsPath && (
              <NavLink
                component={Link}
                to={transactionsPath}
                label="Transactions"
                leftSection={<IconReceipt size={18} aria-hidden />}
                active={pathname.startsWith('/locations/')}
              />
            )}
            {!cashierMode && (
              <>
                <NavLink
                  component={Link}
                  to="/tax-systems"
                  label="Tax systems"
                  leftSection={<IconReceiptTax size={18} aria-hidden />}
                  active={pathname.startsWith('/tax-systems')}
                />
                <NavLink
                  component={Link}
                  to="/callback"
                  label="KKM callback"
                  leftSection={<IconPlugConnected size={18} aria-hidden />}
                  active={pathname.startsWith('/callback')}
                />
              </>
            )}
          </Stack>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Signed in as
            </Text>
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {session?.user?.name ?? 'Staff member (user token)'}
            </Text>
            <NavLink
              component="button"
              label="Sign out"
              leftSection={<IconLogout size={18} aria-hidden />}
              onClick={() => endSession('signed-out')}
            />
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loader role="status" aria-label="Loading page" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {shortcutsDialog.dialog}
    </AppShell>
  )
}
