import { Box, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrintedReceipt } from '@shared/contract/charity/donations';
import { yuan } from './money';

/**
 * The receipt as printed (慈善法 第38条): donor, what was given and how much, the amount in figures and in
 * uppercase, date, handling person, the unit and its seal. A reprint says 复印件, a voided one 作废.
 */
export function ReceiptView({ printed }: { printed: PrintedReceipt }) {
  const { t } = useTranslation();
  const { receipt, donation } = printed;
  const stamp = receipt.voided ? t('charity.receipt.voidStamp') : printed.copy ? t('charity.receipt.copyStamp') : null;
  const what =
    donation.kind === 'goods'
      ? donation.items
          .map((i) => t('charity.receipt.itemLine', { item: i.item, quantity: i.quantity, unit: i.unit, value: yuan(i.unitValueFen), basis: i.valuationBasis }))
          .join(t('common.listSeparator'))
      : t('charity.receipt.cashLine', { method: donation.method });
  const rows: [string, string][] = [
    [t('charity.receipt.donor'), receipt.donorName],
    [t('charity.receipt.what'), what],
    [t('charity.receipt.purpose'), printed.fundName],
    [t('charity.receipt.figures'), yuan(receipt.amountFen)],
    [t('charity.receipt.words'), printed.amountInWords],
    [t('charity.receipt.date'), receipt.issuedOn],
    [t('charity.receipt.handler'), receipt.issuedByName],
    ...(receipt.officialNo ? ([[t('charity.receipt.officialNo'), receipt.officialNo]] as [string, string][]) : []),
    ...(receipt.voided ? ([[t('charity.receipt.voidReason'), receipt.voidReason ?? '']] as [string, string][]) : []),
  ];
  return (
    <Stack>
      <Box id="charity-receipt" pos="relative" p="md" style={{ border: '1px solid #000' }}>
        {stamp && (
          <Text pos="absolute" top={8} right={12} c="red" fw={700} fz="xl" style={{ border: '2px solid red', padding: '0 8px' }} data-testid="receipt-stamp">
            {stamp}
          </Text>
        )}
        <Title order={3} ta="center">
          {t('charity.receipt.title')}
        </Title>
        <Text ta="center" className="linli-mono">
          No. {receipt.receiptNo}
        </Text>
        <Table withTableBorder withColumnBorders mt="sm">
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w={180}>{k}</Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="sm">
          {t('charity.receipt.hostNote')}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Stack gap={0} align="center">
            <Text>{printed.unitName}</Text>
            <Text size="sm" c="dimmed">
              {t('charity.receipt.seal')}
            </Text>
          </Stack>
        </Group>
      </Box>
      <Group justify="flex-end">
        <Button onClick={() => window.print()}>{t('charity.receipt.printButton')}</Button>
      </Group>
    </Stack>
  );
}
