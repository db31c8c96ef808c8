import { existsSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const src = join(root, 'src')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

const storiesOf = (file: string) => file.replace(/\.tsx$/, '.stories.tsx')
const withoutStories = (files: string[]) =>
  files.filter((file) => !existsSync(storiesOf(file))).map((file) => relative(root, file))

/** docs/architecture.md: every shared component and every page has its *.stories.tsx beside it. */
describe('stories beside components and pages', () => {
  it('has a story file for every component in src/components', () => {
    const components = filesUnder(join(src, 'components')).filter(
      (file) => file.endsWith('.tsx') && !/\.(stories|test)\.tsx$/.test(file),
    )
    expect(components.length).toBeGreaterThan(0)
    expect(withoutStories(components)).toEqual([])
  })

  it('has a story file for every page component src/pages/<route>/<Name>Page.tsx', () => {
    const pages = readdirSync(join(src, 'pages'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((dir) =>
        readdirSync(join(src, 'pages', dir.name))
          .filter((name) => /Page\.tsx$/.test(name))
          .map((name) => join(src, 'pages', dir.name, name)),
      )
    expect(pages.length).toBeGreaterThan(0)
    expect(withoutStories(pages)).toEqual([])
  })
})
