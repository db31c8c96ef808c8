import { Text, Title } from '@mantine/core'
import { useEffect } from 'react'
import { useI18n } from '@/i18n'

/** Names the browser tab after the page (WCAG 2.4.2), in the language shown: "Overview · KKM Console". */
export function useDocumentTitle(title: string): void {
  const appName = useI18n().t.app.name
  useEffect(() => {
    document.title = title === appName ? appName : `${title} · ${appName}`
  }, [title, appName])
}

/** A page's one heading (h1), which also names the tab, and the line that says what it is for. */
export function PageHeader({ title, intro, id }: { title: string; intro: string; id?: string }) {
  useDocumentTitle(title)
  return (
    <div style={{ minWidth: 0 }}>
      <Title order={1} size="h2" id={id} style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" maw={760}>
        {intro}
      </Text>
    </div>
  )
}
