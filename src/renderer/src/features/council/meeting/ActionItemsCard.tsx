import { useState } from 'react';
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ActionStatusSelect } from '../followup/ActionStatusSelect';
import type { CardProps } from './MeetingPage';
import { useAction } from './use-action';

/** 落实事项 of this meeting: what, who, by when, optionally under one of its resolutions. */
export function ActionItemsCard({ view, editable, reload }: CardProps) {
  const { t } = useTranslation();
  const held = view.meeting.state === 'open' || view.meeting.state === 'closed';
  const action = useAction(reload);
  const [v, setV] = useState({ title: '', ownerName: '', dueOn: null as string | null, resolutionId: null as string | null });
  const [formKey, setFormKey] = useState(0);

  async function add() {
    const ok = await action.run(() =>
      api.call('council.saveActionItem', {
        meetingId: view.meeting.id,
        title: v.title,
        ownerName: v.ownerName,
        dueOn: v.dueOn ?? '',
        resolutionId: v.resolutionId,
      }),
    );
    if (ok) {
      setV({ title: '', ownerName: '', dueOn: null, resolutionId: null });
      setFormKey(formKey + 1);
    }
  }

  return (
    <Card withBorder padding="md">
      <Title order={3} fz="h5" mb="sm">
        {t('council.actions.title')}
      </Title>
      <Stack gap="sm">
        {view.actionItems.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('council.actions.none')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('council.actions.item')}</Table.Th>
                <Table.Th>{t('council.actions.owner')}</Table.Th>
                <Table.Th>{t('council.actions.due')}</Table.Th>
                <Table.Th>{t('council.actions.resolution')}</Table.Th>
                <Table.Th>{t('council.actions.status')}</Table.Th>
                <Table.Th>{t('council.actions.results')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.actionItems.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.ownerName}</Table.Td>
                  <Table.Td>{a.dueOn}</Table.Td>
                  <Table.Td>{a.resolutionNumber ?? ''}</Table.Td>
                  <Table.Td>{editable ? <ActionStatusSelect item={a} onChanged={reload} /> : t(`council.actionStatus.${a.status}`)}</Table.Td>
                  <Table.Td>
                    {a.publishedOn ? (
                      <Text size="xs" c="dimmed">
                        {t('council.actions.publishedOn', { date: a.publishedOn })}
                      </Text>
                    ) : (
                      editable &&
                      a.status === 'done' && (
                        <Button size="xs" variant="light" onClick={() => void action.run(() => api.call('council.publishActionResult', { id: a.id }))}>
                          {t('council.actions.publish')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && held && (
          <Stack gap="xs" key={formKey}>
            <ErrorAlert error={action.error} onClose={action.clearError} />
            <Group align="flex-end" gap="xs">
              <TextInput label={t('council.actions.item')} value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} style={{ flex: 1 }} />
              <TextInput label={t('council.actions.owner')} value={v.ownerName} onChange={(e) => setV({ ...v, ownerName: e.currentTarget.value })} w={120} />
              <DateField label={t('council.actions.due')} onChange={(d) => setV({ ...v, dueOn: d })} />
              <Select
                label={t('council.actions.resolution')}
                data={view.resolutions.map((r) => ({ value: r.id, label: r.number }))}
                value={v.resolutionId}
                onChange={(r) => setV({ ...v, resolutionId: r })}
                clearable
                w={170}
              />
              <Button onClick={() => void add()} loading={action.busy}>
                {t('council.actions.add')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
