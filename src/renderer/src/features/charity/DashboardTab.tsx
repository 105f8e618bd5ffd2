import { Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';
import { AnnualCard } from './AnnualCard';

/** The treasurer's overview: what each fund holds, a year's donations, who to thank, what is waiting. */
export function DashboardTab() {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => api.call('charity.dashboard', {}), []);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const months = [...new Set(data.balanceSeries.map((p) => p.month))];
  const funds = [...new Set(data.balanceSeries.map((p) => p.fund))];
  const series = months.map((month) => {
    const row: Record<string, string | number> = { month };
    for (const f of funds) {
      const upTo = data.balanceSeries.filter((p) => p.fund === f && p.month <= month);
      row[f] = upTo.length ? upTo[upTo.length - 1].balance / 100 : 0;
    }
    return row;
  });
  const colours = ['teal.6', 'blue.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6'];
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {data.funds.map((f) => (
          <Card key={f.code} withBorder padding="sm">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {f.name}
              </Text>
              <Badge variant="light" color={f.kind === 'restricted' ? 'orange' : 'teal'}>
                {t(`charity.fundKinds.${f.kind}`)}
              </Badge>
            </Group>
            <Text size="xl" fw={700} className="linli-mono" data-testid={`fund-balance-${f.code}`}>
              {yuan(f.balance)}
            </Text>
          </Card>
        ))}
        <Card withBorder padding="sm">
          <Text size="sm" fw={600}>
            {t('charity.dashboard.awaiting')}
          </Text>
          <Text size="xl" fw={700}>
            {data.awaitingApproval}
          </Text>
          <Text size="xs" c="dimmed">
            {t('charity.dashboard.openBatches', { n: data.openBatches })}
          </Text>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={4} fz="md" mb="sm">
            {t('charity.dashboard.byMonth')}
          </Title>
          <BarChart
            h={220}
            data={data.donationsByMonth.map((m) => ({ month: m.month, cash: m.cashFen / 100, goods: m.goodsFen / 100 }))}
            dataKey="month"
            type="stacked"
            series={[
              { name: 'cash', label: t('charity.dashboard.cash'), color: 'teal.6' },
              { name: 'goods', label: t('charity.dashboard.goods'), color: 'orange.5' },
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={4} fz="md" mb="sm">
            {t('charity.dashboard.balances')}
          </Title>
          <LineChart h={220} data={series} dataKey="month" series={funds.map((f, i) => ({ name: f, color: colours[i % colours.length] }))} curveType="linear" />
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder>
          <Title order={4} fz="md" mb="sm">
            {t('charity.dashboard.byCampaign')}
          </Title>
          <Stack gap="md">
            {data.donationsByCampaign.map((c) => (
              <Stack key={c.campaignId} gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">{c.name}</Text>
                  <Text size="sm" className="linli-mono" style={{ whiteSpace: 'nowrap' }}>
                    {yuan(c.receivedFen)}
                  </Text>
                </Group>
                {c.targetFen > 0 && (
                  <>
                    <Progress value={Math.min(100, (c.receivedFen / c.targetFen) * 100)} size="sm" aria-label={c.name} />
                    <Text size="xs" c="dimmed">
                      {t('charity.dashboard.target', { target: yuan(c.targetFen), percent: Math.round((c.receivedFen / c.targetFen) * 100) })}
                    </Text>
                  </>
                )}
              </Stack>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={4} fz="md" mb="sm">
            {t('charity.dashboard.topDonors')}
          </Title>
          {data.topDonors.length === 0 && <Text c="dimmed">{t('charity.dashboard.noTopDonors')}</Text>}
          <Table>
            <Table.Tbody>
              {data.topDonors.map((d, i) => (
                <Table.Tr key={d.donorId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td ta="right" className="linli-mono">
                    {yuan(d.totalFen)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Title order={4} fz="md" mb="sm">
            {t('charity.dashboard.pledgesBehind')}
          </Title>
          {data.pledgesBehind.length === 0 && <Text c="dimmed">{t('charity.dashboard.noPledgesBehind')}</Text>}
          <Table>
            <Table.Tbody>
              {data.pledgesBehind.map((p) => (
                <Table.Tr key={p.pledgeId}>
                  <Table.Td>{p.donorName}</Table.Td>
                  <Table.Td>{p.campaign}</Table.Td>
                  <Table.Td ta="right" className="linli-mono">
                    {yuan(p.receivedFen)} / {yuan(p.expectedFen)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <AnnualCard />
    </Stack>
  );
}
