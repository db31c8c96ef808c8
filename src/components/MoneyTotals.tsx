import { Group, Stack, Text } from '@mantine/core'
import { useI18n } from '@/i18n'
import { formatCount, formatMoney } from '@/i18n/format'

/** A kind of receipt's count and money, in the currency's units (2 decimals). */
export interface ReceiptSum {
  count: number
  amount: number
}

/**
 * The money of some transactions (src/log/totals.ts): successfully printed sales and returns,
 * what was left out and why, and whether the rows were all the range has.
 */
export interface MoneyTotalsView {
  sales: ReceiptSum
  returns: ReceiptSum
  /** Sales less returns. */
  net: number
  /** Sales and returns counted: the receipts. */
  receipts: number
  notCounted: { failed: number; printing: number; unreadable: number }
  /** Neither a sale nor a return: shift openings and closings, cash moves, corrections, reports. */
  otherOperations: number
  /** Whether the rows were the whole range; if not, `loaded` of at least `total` were. */
  complete: boolean
  loaded: number
  total: number
  /** `total` is exact (when not, the range holds at least that many). */
  totalExact: boolean
}

/** The sales, returns, net and receipts of a range shown, in the location's currency. */
export function MoneyTotals({
  totals,
  currency,
  title,
  from,
  to,
}: {
  totals: MoneyTotalsView
  /** The location's `currency_short_title`. */
  currency: string | undefined
  /** The location and the range's first and last days as shown, for the group's name. */
  title: string
  from: string
  to: string
}) {
  const { t, intlLocale } = useI18n()
  const m = t.totals
  const count = (n: number) => formatCount(n, intlLocale)
  // Sums of non-negative amounts only grow with the missing rows; the net can go either way.
  const bound = (value: string) => (totals.complete ? value : m.atLeast(value))
  const money = (amount: number) => formatMoney(amount, currency, intlLocale)
  const notCounted = [
    totals.notCounted.failed > 0 ? m.failed(count(totals.notCounted.failed)) : null,
    totals.notCounted.printing > 0 ? m.printing(count(totals.notCounted.printing)) : null,
    totals.notCounted.unreadable > 0 ? m.unreadable(count(totals.notCounted.unreadable)) : null,
  ].filter((part): part is string => part !== null)
  const figures = [
    {
      label: m.sales,
      value: `${bound(money(totals.sales.amount))} (${bound(count(totals.sales.count))})`,
    },
    {
      label: m.returns,
      value: `${bound(money(totals.returns.amount))} (${bound(count(totals.returns.count))})`,
    },
    { label: m.net, value: money(totals.net) },
    { label: m.receipts, value: bound(m.receiptCount(totals.receipts, count(totals.receipts))) },
  ]
  return (
    <Stack gap={4} role="group" aria-label={m.label(title, from, to)}>
      <Group component="dl" gap="md" m={0} wrap="wrap">
        {figures.map((figure) => (
          <Group key={figure.label} gap={6} wrap="nowrap">
            <Text component="dt" size="sm" c="dimmed">
              {figure.label}
            </Text>
            <Text component="dd" size="sm" fw={600} m={0} style={{ whiteSpace: 'nowrap' }}>
              {figure.value}
            </Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {m.onlySuccessful}
        {notCounted.length > 0 && ` ${m.notCounted(notCounted.join(', '))}`}
        {totals.otherOperations > 0 && ` ${m.otherOperations(count(totals.otherOperations))}`}
      </Text>
      {!totals.complete && (
        <Text size="xs" fw={500}>
          {m.partial(
            count(totals.loaded),
            totals.totalExact ? count(totals.total) : m.atLeast(count(totals.total)),
          )}
        </Text>
      )}
    </Stack>
  )
}
