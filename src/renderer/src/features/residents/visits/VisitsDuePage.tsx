import { Card, Group, Input, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { PageHeader } from '../../../components/PageHeader';
import { useGrids } from '../common/use-catalog';
import { useKeysetList } from '../../../components/list/use-keyset-list';
import { useSessionState } from '../../../components/use-session-state';
import { DueTable } from './DueTable';
import { ExportButton } from '../../../components/report-job/ExportButton';

interface DueFilter {
  /** 'mine' = the grids whose worker is the signed-in user; otherwise a grid id, or '' for all grids. */
  scope: 'mine' | 'grid';
  gridId: string | null;
  overdueOnly: boolean;
  withinDays: string;
}

/** 走访: the households a grid worker should visit soon, overdue first (the server orders by due date). */
export function VisitsDuePage() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const grids = useGrids();
  const isWorker = session.user.roles.includes('grid_worker');
  const [filter, setFilter] = useSessionState<DueFilter>('residents.visits.filter', {
    scope: isWorker ? 'mine' : 'grid',
    gridId: null,
    overdueOnly: false,
    withinDays: '14',
  });
  const set = (patch: Partial<DueFilter>) => setFilter({ ...filter, ...patch });
  const query = {
    mine: filter.scope === 'mine',
    gridId: filter.scope === 'grid' ? (filter.gridId ?? undefined) : undefined,
    overdueOnly: filter.overdueOnly,
    withinDays: Number(filter.withinDays),
  };
  const due = useKeysetList(JSON.stringify(query), (cursor) => api.call('residents.visitsDue', { ...query, cursor, limit: 50 }));
  const myGrids = (grids.data ?? []).filter((g) => g.workerUserId === session.user.id);

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader
        title={t('residents.nav.visits')}
        description={t('residents.visits.intro')}
        actions={
          <ExportButton
            report="residents.visits_due"
            params={{ grid: query.gridId, mine: query.mine, overdueOnly: query.overdueOnly, withinDays: query.withinDays }}
          />
        }
      />
      <Card withBorder padding="sm">
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Input.Label id="visits-scope-label">{t('residents.visits.scope')}</Input.Label>
            <SegmentedControl
              aria-labelledby="visits-scope-label"
              value={filter.scope}
              onChange={(v) => set({ scope: v as DueFilter['scope'] })}
              data={[
                { value: 'mine', label: t('residents.visits.mine') },
                { value: 'grid', label: t('residents.visits.byGrid') },
              ]}
            />
          </Stack>
          {filter.scope === 'grid' && (
            <Select
              label={t('residents.fields.grid')}
              data={(grids.data ?? []).map((g) => ({ value: g.id, label: `${g.name}${g.workerName ? ` · ${g.workerName}` : ''}` }))}
              value={filter.gridId}
              onChange={(v) => set({ gridId: v })}
              clearable
              searchable
              selectFirstOptionOnChange
              placeholder={t('residents.list.all')}
              w={220}
            />
          )}
          <Select
            label={t('residents.visits.within')}
            data={['7', '14', '30', '60'].map((d) => ({ value: d, label: t('residents.visits.withinDays', { count: Number(d) }) }))}
            value={filter.withinDays}
            onChange={(v) => set({ withinDays: v ?? '14' })}
            allowDeselect={false}
            w={140}
          />
          <Switch
            label={t('residents.visits.overdueOnly')}
            checked={filter.overdueOnly}
            onChange={(e) => set({ overdueOnly: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
        {filter.scope === 'mine' && grids.data && (
          <Text size="xs" c="dimmed" mt="xs">
            {myGrids.length
              ? t('residents.visits.myGrids', { grids: myGrids.map((g) => g.name).join(t('common.listSeparator')) })
              : t('residents.visits.noGridsOfMine')}
          </Text>
        )}
      </Card>
      <Card withBorder padding={0}>
        <DueTable rows={due.data?.rows} total={due.data?.total} loading={due.loading} error={due.error} pager={due.pager} />
      </Card>
    </Stack>
  );
}
