import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiFlavour } from '../vite.config'
import type { IndexHtmlTransformHook } from 'vite'

const INDEX = readFileSync(resolve(import.meta.dirname, '..', 'index.html'), 'utf8')

/** The flavour the app would read from the page the build writes over one that said `before`. */
function flavourWritten(raw: string | undefined, before: string): string | undefined {
  const hook = apiFlavour(raw).transformIndexHtml as IndexHtmlTransformHook
  const page = INDEX.replace(/(name="kkm-api-flavour" content=")[^"]*/, `$1${before}`)
  const html = hook.call(undefined as never, page, { path: '/index.html', filename: 'index.html' })
  if (typeof html !== 'string') throw new Error('the flavour plugin should return the page itself')
  return /<meta name="kkm-api-flavour" content="([^"]*)"/.exec(html)?.[1]
}

/** ALTEGIO_API_FLAVOUR for `npm run dev` and a static build (the server rewrites it for serve). */
describe('ALTEGIO_API_FLAVOUR at build time', () => {
  it('writes yclients into the page when asked, and altegio when unset or blank', () => {
    expect(flavourWritten('yclients', 'altegio')).toBe('yclients')
    expect(flavourWritten(' yclients ', 'altegio')).toBe('yclients')
    expect(flavourWritten(undefined, 'yclients')).toBe('altegio')
    expect(flavourWritten('', 'yclients')).toBe('altegio')
  })

  it('refuses a flavour it does not know, naming the variable', () => {
    expect(() => apiFlavour('yclient')).toThrow(/ALTEGIO_API_FLAVOUR must be altegio or yclients/)
  })
})
