import { createTheme, type CSSVariablesResolver } from '@mantine/core'

/** The theme, with the words Mantine's components say themselves in the language shown. */
export const createAppTheme = (words: { closeNotification: string }) =>
  createTheme({
    primaryColor: 'blue',
    // Shade 8 keeps white text on filled buttons above 4.5:1 (WCAG AA); Mantine's default 6 does not.
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
    fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Liberation Mono", monospace',
    // Plain objects, not Modal.extend() and the like: importing a component into the theme puts it
    // in the sign-in page's bundle.
    components: {
      // A dialog's <header> is not the page's banner: without a role axe counts a second banner.
      Modal: { defaultProps: { attributes: { header: { role: 'none' } } } },
      Drawer: { defaultProps: { attributes: { header: { role: 'none' } } } },
      // A closed list is not kept in the page: kept, each Select placed its hidden list on mount
      // (a forced style and layout, then a synchronous render), four times before the log's heading.
      Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
      Notification: {
        defaultProps: { closeButtonProps: { 'aria-label': words.closeNotification } },
        // Mantine draws the description in gray 6 directly, below AA contrast; use our dimmed colour.
        styles: { description: { color: 'var(--mantine-color-dimmed)' } },
      },
    },
  })

/** Dimmed and error text darker (light) or lighter (dark) than Mantine's defaults, for AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    // Light teal (success badges and alerts) reaches 4.32:1 by default; this is 5.9:1.
    '--mantine-color-teal-light-color': '#06684a',
    // Light orange and yellow (warnings, the overdue shift): 3.6 and 2.7:1 by default, these ~6:1.
    '--mantine-color-orange-light-color': '#a8380b',
    '--mantine-color-yellow-light-color': '#8a5200',
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
    '--mantine-color-error': t.colors.red[5] ?? '#ff6b6b',
  },
})
