import {
  ActionIcon,
  NavLink,
  rem,
  Select,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core'
import { IconKeyboard, IconMoon, IconSun } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type Ref } from 'react'
import { useMatch, useNavigate } from 'react-router'
import { myLocationsQuery } from '@/api/locations'
import { useI18n } from '@/i18n'
import { paths } from '@/paths'
import { useSelectedLocation } from '@/session/selectedLocation'
import { shortcutGroups } from '../shortcuts'

/**
 * The header's controls. On a phone the header keeps only the burger and the location; the
 * others are drawn in the navigation drawer instead (`inDrawer`), as full-width rows with their
 * names written out, so nothing in the header is cut off or scrolls sideways.
 */

// Loaded the first time it opens: its code and Kbd's styles stay out of every page's bundle.
const KeyboardShortcutsDialog = lazy(() =>
  import('@/components/KeyboardShortcutsDialog').then((module) => ({
    default: module.KeyboardShortcutsDialog,
  })),
)

/** The `?` dialog: opened from the keyboard or the header's button, focus given back on close. */
export function useShortcutsDialog() {
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

export function ShortcutsButton({ onOpen, inDrawer }: { onOpen: () => void; inDrawer: boolean }) {
  const { t } = useI18n()
  const icon = <IconKeyboard size={18} aria-hidden />
  if (inDrawer)
    return (
      <NavLink
        component="button"
        label={t.shell.shortcuts}
        leftSection={icon}
        onClick={onOpen}
        aria-keyshortcuts="?"
      />
    )
  return (
    <ActionIcon
      variant="default"
      size="lg"
      onClick={onOpen}
      title={t.shell.shortcutsHint}
      aria-label={t.shell.shortcuts}
      aria-keyshortcuts="?"
    >
      {icon}
    </ActionIcon>
  )
}

export function ColorSchemeToggle({ inDrawer }: { inDrawer: boolean }) {
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true })
  const next = computed === 'dark' ? 'light' : 'dark'
  const { t } = useI18n()
  const label = next === 'dark' ? t.shell.toDark : t.shell.toLight
  const icon =
    computed === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />
  if (inDrawer)
    return (
      <NavLink
        component="button"
        label={label}
        leftSection={icon}
        onClick={() => setColorScheme(next)}
      />
    )
  return (
    <ActionIcon
      variant="default"
      size="lg"
      onClick={() => setColorScheme(next)}
      title={label}
      aria-label={label}
    >
      {icon}
    </ActionIcon>
  )
}

export function LocationPicker({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
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
      // Up to 300 (scaled in cashier mode), giving way first when the header is short of room.
      style={{ flex: `0 1 ${rem(300)}`, minWidth: 0 }}
      // Mantine merges these over the theme's Select defaults whole: its keepMounted is said again.
      comboboxProps={{ withinPortal: true, keepMounted: false }}
      error={locations.isError ? true : undefined}
    />
  )
}
