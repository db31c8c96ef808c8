import '@mantine/core/styles/Table.css'
import { Button, Drawer, Stack, Table, Text } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useI18n } from '@/i18n'
import { StatusBadge, type StatusTone } from './StatusBadge'

export interface TransactionDetailsView {
  id: number
  title: string
  statusTone: StatusTone
  statusLabel: string
  /** Every field of the transaction, as label and shown value. */
  fields: { label: string; value: string }[]
  printable: boolean
}

interface TransactionDetailsProps {
  details: TransactionDetailsView | null
  onClose: () => void
  onPrint: (id: number) => void
}

/** Every field of one transaction, beside the log. */
export function TransactionDetails({ details, onClose, onPrint }: TransactionDetailsProps) {
  const { t } = useI18n()
  return (
    <Drawer
      opened={details !== null}
      onClose={onClose}
      position="right"
      title={details?.title}
      size="md"
      closeButtonProps={{ 'aria-label': t.common.closeDetails }}
    >
      {details && (
        <Stack>
          <StatusBadge tone={details.statusTone} label={details.statusLabel} />
          <Table variant="vertical" layout="fixed" withTableBorder aria-label={details.title}>
            <Table.Tbody>
              {details.fields.map((field) => (
                <Table.Tr key={field.label}>
                  <Table.Th w={150} scope="row">
                    {field.label}
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {field.value}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {details.printable && (
            <Button
              leftSection={<IconPrinter size={18} aria-hidden />}
              onClick={() => onPrint(details.id)}
            >
              {t.details.printReceipt}
            </Button>
          )}
        </Stack>
      )}
    </Drawer>
  )
}
