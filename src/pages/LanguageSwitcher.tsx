import { SegmentedControl, type SegmentedControlProps } from '@mantine/core'
import { LANGUAGE_OPTIONS, useI18n, type Locale } from '@/i18n'

/** English or Русский, each named in its own language; remembered by the preferences. */
export function LanguageSwitcher(
  props: Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'>,
) {
  const { t, chosen, setLocale } = useI18n()
  return (
    <SegmentedControl
      size="xs"
      {...props}
      aria-label={t.app.language}
      value={chosen}
      onChange={(value) => setLocale(value as Locale)}
      data={LANGUAGE_OPTIONS}
    />
  )
}
