import '@mantine/core/styles/Drawer.css'
import '@mantine/core/styles/NumberInput.css'
import { Button, Drawer, MantineProvider, NumberInput, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { createRoot } from 'react-dom/client'
import {
  FAULTS,
  resetScenario,
  scenario,
  setScenario,
  type Fault,
  type OperationId,
  type PrinterMode,
} from '@/mocks/scenarios'
import { createAppTheme } from '@/theme'

// A developer's tool, not part of the product: English only.
const DEV_THEME = createAppTheme({ closeNotification: 'Close notification' })
const STORAGE_KEY = 'kkm.mock.scenario'
const OPERATIONS: OperationId[] = [
  'authenticateUser',
  'listCountries',
  'listCompanies',
  'listTaxSystems',
  'listKkmTransactions',
  'printDocumentBill',
  'reportKkmCallback',
]

/** Keeps the scenario across reloads of this tab, so a demonstration survives F5. */
export function restoreMockScenario(): void {
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY)
    if (saved) setScenario(JSON.parse(saved) as Partial<typeof scenario>)
  } catch {
    sessionStorage.removeItem(STORAGE_KEY)
  }
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
  const update = (patch: Partial<typeof scenario>) => {
    setScenario(patch)
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
        Mock API{state.fault || state.printer !== 'online' || state.latencyMs ? ' •' : ''}
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
              ...OPERATIONS.map((o) => ({ value: o, label: o })),
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
          <Button
            variant="default"
            onClick={() => {
              resetScenario()
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
