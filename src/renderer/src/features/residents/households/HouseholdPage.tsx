import { useState } from 'react';
import { Anchor, Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { Facts } from '../common/Facts';
import { residenceRelationLabel } from '../common/terms';
import { houseHref, residentHref } from '../common/hrefs';
import { HouseholdEditModal } from './HouseholdEditModal';
import { MembersTable } from './MembersTable';
import { NextVisit } from './NextVisit';
import { VisitForm } from './VisitForm';
import { VisitLog } from './VisitLog';

/** 户: number, address, 人户关系, head and members, and the home visits (log, next due, 登记走访). */
export function HouseholdPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [editing, setEditing] = useState(false);
  const household = useLoad(() => api.call('residents.getHousehold', { id }), [id]);
  const visits = useLoad(() => api.call('residents.listVisits', { householdId: id }), [id]);

  if (household.loading && !household.data) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!household.data) return <ErrorAlert error={household.error} />;
  const { household: h, members } = household.data;
  const head = members.find((m) => m.id === h.headResidentId);
  const active = members.filter((m) => !m.archived).length;

  return (
    <Stack gap="md" maw={1400}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} fz="h3">
              {t('residents.household.title', { number: h.number })}
            </Title>
            <Badge variant="light">{residenceRelationLabel(t, h.residenceRelation)}</Badge>
            {h.archived && <Badge color="gray">{t('residents.household.archived')}</Badge>}
          </Group>
          {h.houseId ? (
            <Anchor href={houseHref(h.houseId)} size="sm">
              {h.address}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {h.address || t('residents.household.noHouse')}
            </Text>
          )}
        </Stack>
        {can('residents.write') && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('residents.household.edit')}
          </Button>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Facts
                cols={4}
                facts={[
                  {
                    label: t('residents.household.head'),
                    value: head ? (
                      <Anchor href={residentHref(head.id)} size="sm">
                        {head.name}
                      </Anchor>
                    ) : (
                      ''
                    ),
                  },
                  { label: t('residents.household.memberCount'), value: t('residents.household.members', { count: active }) },
                  { label: t('residents.visits.last'), value: h.lastVisitOn ?? t('residents.visits.never') },
                  { label: t('residents.visits.next'), value: <NextVisit household={h} /> },
                ]}
              />
            </Card>
            <Card withBorder padding="md">
              <Title order={3} fz="h5" mb="sm">
                {t('residents.household.membersTitle')}
              </Title>
              {members.length ? (
                <MembersTable members={members} headId={h.headResidentId} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('residents.household.noMembers')}
                </Text>
              )}
            </Card>
            <Card withBorder padding="md">
              <Title order={3} fz="h5" mb="sm">
                {t('residents.visits.logTitle')}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {t('residents.visits.interval', { days: h.visitIntervalDays })}
              </Text>
              <ErrorAlert error={visits.error} />
              {visits.data && <VisitLog visits={visits.data} />}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {can('residents.visit') && (
            <Card withBorder padding="md">
              <Title order={3} fz="h5" mb="sm">
                {t('residents.visits.recordTitle')}
              </Title>
              <VisitForm
                householdId={h.id}
                onSaved={() => {
                  void household.reload();
                  void visits.reload();
                }}
              />
            </Card>
          )}
        </Grid.Col>
      </Grid>
      {editing && <HouseholdEditModal household={h} members={members} onClose={() => setEditing(false)} onSaved={() => void household.reload()} />}
    </Stack>
  );
}
