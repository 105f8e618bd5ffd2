import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { navigate } from '../../../app/router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLoad } from '../../../components/use-load';
import { buildingsScreen } from '../common/hrefs';
import { BuildingGrid } from './BuildingGrid';
import { BuildingPicker } from './BuildingPicker';
import { Legend } from './Legend';

/** 楼盘表: pick a building, see every room coloured by its state, overdue visits flagged in red. */
export function BuildingsPage({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const buildingId = rest[0] ?? null;
  const view = useLoad(async () => (buildingId ? api.call('residents.buildingView', { buildingId }) : null), [buildingId]);
  const v = view.data;
  const occupants = v ? v.cells.reduce((n, c) => n + c.occupants, 0) : 0;

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('residents.nav.buildings')} description={t('residents.buildings.intro')} />
      <Card withBorder padding="sm">
        <BuildingPicker selectedId={buildingId} onPick={(id) => navigate(buildingsScreen, id)} />
      </Card>
      <ErrorAlert error={view.error} />
      {buildingId && view.loading && !v && <Loader size="sm" aria-label={t('common.loading')} />}
      {v && (
        <Card withBorder padding="md">
          <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Group gap="sm">
                <Title order={3} fz="h4">
                  {v.building.label}
                </Title>
                <Badge variant="light">{v.building.gridName}</Badge>
              </Group>
              <Group gap="md">
                <Text size="sm" c="dimmed">
                  {t('residents.buildings.summary', { floors: v.building.floors, units: v.units.length, rooms: v.cells.length })}
                </Text>
                <Group gap={4}>
                  <IconUsers size={14} aria-hidden />
                  <Text size="sm" fw={500}>
                    {t('residents.buildings.occupants', { count: occupants })}
                  </Text>
                </Group>
              </Group>
            </Stack>
            <Legend cells={v.cells} />
          </Group>
          {v.cells.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('residents.buildings.noRooms')}
            </Text>
          ) : (
            <BuildingGrid view={v} />
          )}
        </Card>
      )}
    </Stack>
  );
}
