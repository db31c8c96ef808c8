import { readFileSync } from 'node:fs'
import { defaultCssVariablesResolver, mergeMantineTheme, DEFAULT_THEME } from '@mantine/core'
import { describe, expect, it } from 'vitest'
import { createAppTheme, cssVariablesResolver } from '@/theme'

/**
 * The log's row actions draw their icons as images (a mask per button cost the scroll its frames),
 * so the icons' colour is written in the CSS, not inherited: it must stay the anchor colour the
 * theme gives links and icons in each scheme, whatever the theme's primary colour becomes.
 */
const css = readFileSync('src/components/TransactionTable.module.css', 'utf8')
const theme = mergeMantineTheme(DEFAULT_THEME, createAppTheme({ closeNotification: 'Close' }))

function anchorColour(scheme: 'light' | 'dark'): string {
  const ours = cssVariablesResolver(theme)[scheme]['--mantine-color-anchor']
  const value = ours ?? defaultCssVariablesResolver(theme)[scheme]['--mantine-color-anchor']
  const named = /^var\(--mantine-color-([a-z]+)-(\d)\)$/.exec(value ?? '')
  if (!named?.[1] || !named[2]) return value ?? ''
  return theme.colors[named[1]]?.[Number(named[2])] ?? ''
}

/** The icon of `action` in a scheme: its stroke colour and its drawing without the colour. */
function icon(action: 'details' | 'print', scheme: 'light' | 'dark') {
  const selector =
    scheme === 'dark' ? `[data-mantine-color-scheme='dark'] .${action}` : `.${action}`
  const rule = css.split('\n}').find((block) => block.trim().startsWith(`${selector} {`))
  const url = /--kkm-icon:\s*url\("([^"]+)"\)/.exec(rule ?? '')?.[1] ?? ''
  const stroke = /stroke='%23([0-9a-f]{6})'/i.exec(url)?.[1]
  return { stroke: stroke ? `#${stroke.toLowerCase()}` : null, drawing: url.replace(/%23\w+/, '') }
}

describe('the log’s row action icons', () => {
  for (const scheme of ['light', 'dark'] as const)
    for (const action of ['details', 'print'] as const)
      it(`${action} in ${scheme} is drawn in the theme’s anchor colour`, () => {
        expect(icon(action, scheme).stroke).toBe(anchorColour(scheme).toLowerCase())
      })

  it('draws the same shapes in both schemes', () => {
    for (const action of ['details', 'print'] as const) {
      expect(icon(action, 'dark').drawing).not.toBe('')
      expect(icon(action, 'dark').drawing).toBe(icon(action, 'light').drawing)
    }
  })
})
