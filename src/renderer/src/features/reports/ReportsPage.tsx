import { useState } from 'react';
import { Card, Grid, Loader, NavLink, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { areaLabel } from '../../i18n/labels';
import { ReportForm } from './ReportForm';
import { reportName } from '../../components/report-job/labels';

/** 报表中心: every report this user may run, in one place; each area adds its reports to the list in main. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useLoad(() => api.call('reports.list', {}), []);
  const [selected, setSelected] = useState<string | null>(null);
  const current = data?.find((r) => r.name === selected) ?? data?.[0] ?? null;

  return (
    <Stack maw={1200}>
      <PageHeader title={t('nav.reports')} description={t('reports.intro')} />
      <ErrorAlert error={error} />
      {loading && !data && <Loader size="sm" aria-label={t('common.loading')} />}
      {data && data.length === 0 && <Text>{t('reports.none')}</Text>}
      {data && current && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Card withBorder padding="xs" component="nav" aria-label={t('reports.listLabel')}>
              {data.map((r) => (
                <NavLink
                  key={r.name}
                  component="button"
                  type="button"
                  label={reportName(t, r.name)}
                  description={areaLabel(t, r.area)}
                  leftSection={<IconFileSpreadsheet size={18} />}
                  active={r.name === current.name}
                  aria-current={r.name === current.name ? 'true' : undefined}
                  onClick={() => setSelected(r.name)}
                />
              ))}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <ReportForm key={current.name} report={current} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
