import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';

/** Donated goods in stock: received, given out with aid, left. */
export function StockCard() {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => api.call('charity.stock', {}), []);
  return (
    <Card withBorder>
      <Title order={4} fz="md" mb="xs">
        {t('charity.stock.title')}
      </Title>
      <ErrorAlert error={error} />
      {data?.length === 0 && <Text c="dimmed">{t('charity.stock.none')}</Text>}
      <Table>
        <Table.Tbody>
          {(data ?? []).map((s) => (
            <Table.Tr key={`${s.item}-${s.unit}`}>
              <Table.Td>{s.item}</Table.Td>
              <Table.Td>{t('charity.stock.line', { received: s.received, given: s.givenOut, left: s.inStock, unit: s.unit })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
