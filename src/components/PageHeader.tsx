import { Text, Title } from '@mantine/core'

/** A page's one heading (h1) and the line that says what the page is for. */
export function PageHeader({ title, intro, id }: { title: string; intro: string; id?: string }) {
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
