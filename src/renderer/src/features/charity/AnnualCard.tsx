import { useState } from 'react';
import { Card, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';
import { useHallToday } from '../../components/today';

/** The figures the host charity needs for its annual report (by 5月31日): funds, income, projects, aid. */
export function AnnualCard() {
  const { t } = useTranslation();
  const today = useHallToday();
  // Until the report is due (5月31日) the year to report on is last year.
  const [year, setYear] = useState(Number(today.slice(0, 4)) - (today.slice(5) <= '05-31' ? 1 : 0));
  const { data, error } = useLoad(() => api.call('charity.annualSummary', { year }), [year]);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={4} fz="md">
          {t('charity.annual.title')}
        </Title>
        <NumberInput value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={2000} max={2100} w={110} aria-label={t('charity.receipts.year')} />
      </Group>
      <ErrorAlert error={error} />
      {data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Table aria-label={t('charity.annual.fundsLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('charity.fields.fund')}</Table.Th>
                <Table.Th ta="right">{t('charity.annual.opening')}</Table.Th>
                <Table.Th ta="right">{t('charity.annual.income')}</Table.Th>
                <Table.Th ta="right">{t('charity.annual.expense')}</Table.Th>
                <Table.Th ta="right">{t('charity.annual.closing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.funds.map((f) => (
                <Table.Tr key={f.code}>
                  <Table.Td>{f.name}</Table.Td>
                  {[f.openingFen, f.incomeFen, f.expenseFen, f.closingFen].map((fen, i) => (
                    <Table.Td key={i} ta="right" className="linli-mono" style={{ whiteSpace: 'nowrap' }}>
                      {yuan(fen)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={600}>
                {t('charity.annual.receivedTitle')}
              </Text>
              <Text size="sm">
                {t('charity.annual.received', {
                  cash: yuan(data.income.cashFen),
                  goods: yuan(data.income.goodsFen),
                  n: data.income.donations,
                  donors: data.income.donors,
                })}
              </Text>
            </div>
            {data.projects.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('charity.annual.projectsTitle')}
                </Text>
                {data.projects.map((p) => (
                  <Text size="sm" key={p.name}>
                    {t('charity.annual.project', { name: p.name, received: yuan(p.receivedFen), target: p.targetFen > 0 ? ` / ${yuan(p.targetFen)}` : '' })}
                  </Text>
                ))}
              </div>
            )}
            {data.aid.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('charity.annual.aidTitle')}
                </Text>
                {data.aid.map((a) => (
                  <Text size="sm" key={a.kind}>
                    {t('charity.annual.aidLine', { kind: a.kind, n: a.count, amount: yuan(a.amountFen) })}
                  </Text>
                ))}
              </div>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Card>
  );
}
