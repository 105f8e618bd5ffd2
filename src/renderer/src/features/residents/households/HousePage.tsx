import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Title } from '@mantine/core';
import { DataTable } from '../../../components/list/DataTable';
import { IconAlertTriangle, IconBuilding, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { Facts } from '../common/Facts';
import { houseUseColour, houseUseLabel, isRented } from '../common/terms';
import { buildingHref, householdHref, newResidentHref } from '../common/hrefs';
import { HouseEditModal } from './HouseEditModal';

/**
 * 房屋: one room of the 楼盘表 — its use, owner or landlord, and the households registered there. A room
 * registered 空置 with people living in it says so, as the 楼盘表 marks it.
 */
export function HousePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [editing, setEditing] = useState(false);
  const { data, error, loading, reload } = useLoad(() => api.call('residents.getHouse', { id }), [id]);

  if (loading && !data) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!data) return <ErrorAlert error={error} />;
  const rented = isRented(data.use);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} fz="h3">
              {data.address}
            </Title>
            <Badge color={houseUseColour[data.use]} variant="light" size="lg">
              {houseUseLabel(t, data.use)}
            </Badge>
          </Group>
          <Anchor href={buildingHref(data.buildingId)} size="sm">
            <Group gap={4}>
              <IconBuilding size={14} />
              {t('residents.house.openBuilding')}
            </Group>
          </Anchor>
        </Stack>
        <Group gap="xs">
          {can('residents.places') && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('residents.house.edit')}
            </Button>
          )}
          {can('residents.write') && (
            <Button component="a" href={newResidentHref(data.id)} leftSection={<IconUserPlus size={16} />}>
              {t('residents.house.addHere')}
            </Button>
          )}
        </Group>
      </Group>
      {data.vacantButOccupied && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('residents.buildings.vacantButOccupied', { count: data.occupants })}
        >
          {t('residents.house.vacantButOccupiedHint')}
        </Alert>
      )}
      <Card withBorder padding="md">
        <Facts
          facts={[
            { label: t('residents.house.floor'), value: String(data.floor) },
            { label: t('residents.house.owner'), value: data.ownerName },
            ...(rented
              ? [
                  { label: t('residents.house.landlord'), value: data.landlordName },
                  { label: t('residents.house.lease'), value: data.leaseStart || data.leaseEnd ? `${data.leaseStart ?? '?'} ~ ${data.leaseEnd ?? '?'}` : '' },
                  { label: t('residents.house.rentalNo'), value: data.rentalRegistrationNo },
                ]
              : []),
          ]}
        />
      </Card>
      <Card withBorder padding="md">
        <Title order={3} fz="h5" mb="sm">
          {t('residents.house.households')}
        </Title>
        <DataTable
          label={t('residents.house.households')}
          rows={data.households}
          rowKey={(h) => h.id}
          empty={t('residents.house.noHouseholds')}
          striped={false}
          bare
          columns={[
            {
              key: 'number',
              title: t('residents.household.number'),
              render: (h) => (
                <Anchor href={householdHref(h.id)} size="sm" fw={600}>
                  {h.number}
                </Anchor>
              ),
            },
            { key: 'head', title: t('residents.household.head'), render: (h) => h.headName ?? '—' },
            { key: 'members', title: t('residents.household.memberCount'), render: (h) => t('residents.household.members', { count: h.members }) },
          ]}
        />
      </Card>
      {editing && <HouseEditModal house={data} onClose={() => setEditing(false)} onSaved={() => void reload()} />}
    </Stack>
  );
}
