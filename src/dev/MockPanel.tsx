import '@mantine/core/styles/Drawer.css'
import '@mantine/core/styles/NumberInput.css'
import {
  Button,
  Divider,
  Drawer,
  Group,
  MantineProvider,
  NumberInput,
  Select,
  Stack,
  Text,
} from '@mantine/core'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'
import { forgetServerShape } from '@/api/logReader'
import { parseScenario } from '@/mocks/parse'
import {
  DEFAULT_PROFILE,
  FAULTS,
  HARSHEST_PROFILE,
  OPERATION_IDS,
  resetScenario,
  scenario,
  setScenario,
  type Fault,
  type OperationId,
  type PrinterMode,
  type ScenarioPatch,
} from '@/mocks/scenarios'
import { createAppTheme } from '@/theme'
import { ProfileControls } from './ProfileControls'

// A developer's tool, not part of the product: English only.
const DEV_THEME = createAppTheme({ closeNotification: 'Close notification' })
const STORAGE_KEY = 'kkm.mock.scenario'

/** Keeps the scenario across reloads of this tab, so a demonstration survives F5. */
export function restoreMockScenario(): void {
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY)
    if (!saved) return
    // Validated: what an older build saved may name traits or values this one no longer has.
    const parsed = parseScenario(JSON.parse(saved))
    if (parsed.ok) setScenario(parsed.value)
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    sessionStorage.removeItem(STORAGE_KEY)
  }
}

/** Whether anything differs from the plain mock, for the dot on the button. */
function changed(state: typeof scenario): boolean {
  const profileChanged = (Object.keys(DEFAULT_PROFILE) as (keyof typeof DEFAULT_PROFILE)[]).some(
    (trait) => state.profile[trait] !== DEFAULT_PROFILE[trait],
  )
  return Boolean(state.fault || state.printer !== 'online' || state.latencyMs || profileChanged)
}

function save() {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(scenario))
}

/**
 * The embedded API's faults, switched on from the running app for demonstrations and cashier
 * training. Only in the dev server and the demo build: production builds never load this file.
 */
export function MockPanel() {
  const [opened, setOpened] = useState(false)
  const [state, setState] = useState({ ...scenario })
  const update = (patch: ScenarioPatch) => {
    setScenario(patch)
    // Another server now: what the console learnt of the old one's counts no longer holds.
    if (patch.profile) forgetServerShape()
    save()
    setState({ ...scenario })
  }
  return (
    <>
      <Button
        size="xs"
        variant="filled"
        color="grape"
        onClick={() => setOpened(true)}
        style={{ position: 'fixed', right: 76, bottom: 18, zIndex: 400 }}
        aria-label="Mock API scenarios"
      >
        Mock API{changed(state) ? ' •' : ''}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        title="Mock API scenarios"
        position="right"
        size="sm"
      >
        <Stack>
          <Text size="sm" c="dimmed">
            These answers come from the embedded mock API. A fault applies to every later request
            until it is switched off.
          </Text>
          <Select
            label="Fault"
            data={[{ value: '', label: 'None' }, ...FAULTS.map((f) => ({ value: f, label: f }))]}
            value={state.fault ?? ''}
            onChange={(value) => update({ fault: (value || null) as Fault | null })}
            allowDeselect={false}
          />
          <Select
            label="Fault applies to"
            data={[
              { value: '', label: 'Every operation' },
              ...OPERATION_IDS.map((o) => ({ value: o, label: o })),
            ]}
            value={state.faultOperation ?? ''}
            onChange={(value) => update({ faultOperation: (value || null) as OperationId | null })}
            allowDeselect={false}
          />
          <Select
            label="Cash register"
            data={[
              { value: 'online', label: 'Online: receipts print' },
              { value: 'offline', label: 'Offline: connection error' },
              { value: 'manual', label: 'Stuck: waits for a callback' },
            ]}
            value={state.printer}
            onChange={(value) => value && update({ printer: value as PrinterMode })}
            allowDeselect={false}
          />
          <NumberInput
            label="Extra latency (ms)"
            min={0}
            max={60_000}
            step={250}
            value={state.latencyMs}
            onChange={(value) => update({ latencyMs: Number(value) || 0 })}
          />
          <Divider label="Server profile" labelPosition="left" />
          <Text size="sm" c="dimmed">
            How a real deployment may behave where the documentation is silent.
          </Text>
          <Group grow>
            <Button variant="light" onClick={() => update({ profile: HARSHEST_PROFILE })}>
              Harshest
            </Button>
            <Button variant="light" onClick={() => update({ profile: DEFAULT_PROFILE })}>
              Default
            </Button>
          </Group>
          <ProfileControls profile={state.profile} onChange={(profile) => update({ profile })} />
          <Button
            variant="default"
            onClick={() => {
              resetScenario()
              forgetServerShape()
              save()
              setState({ ...scenario })
            }}
          >
            Back to normal
          </Button>
        </Stack>
      </Drawer>
    </>
  )
}

export function mountMockPanel(): void {
  const host = document.createElement('div')
  host.id = 'mock-panel'
  document.body.append(host)
  createRoot(host).render(
    <MantineProvider theme={DEV_THEME} defaultColorScheme="auto">
      <MockPanel />
    </MantineProvider>,
  )
}
