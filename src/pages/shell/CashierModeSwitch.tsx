import { Switch } from '@mantine/core'
import { useLayoutEffect } from 'react'
import { useI18n } from '@/i18n'
import { usePreference } from '@/preferences/store'

/** Cashier mode: the header's switch, and the attribute on <html> that cashierMode.css keys on. */
const CASHIER_MODE_ATTRIBUTE = 'data-cashier-mode'

export function useCashierModeAttribute(on: boolean) {
  useLayoutEffect(() => {
    const root = document.documentElement
    if (!on) return
    root.setAttribute(CASHIER_MODE_ATTRIBUTE, '')
    return () => root.removeAttribute(CASHIER_MODE_ATTRIBUTE)
  }, [on])
}

export function CashierModeSwitch() {
  const [cashierMode, setCashierMode] = usePreference('cashierMode')
  const { t } = useI18n()
  return (
    <Switch
      label={t.shell.cashierMode}
      checked={cashierMode}
      onChange={(event) => setCashierMode(event.currentTarget.checked)}
      styles={{ label: { whiteSpace: 'nowrap' } }}
    />
  )
}
