import { useState } from 'react';
import { Badge, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterEntry, RegisterKind } from '@shared/contract/council';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { useLoad } from '../../../components/use-load';
import { useHallToday } from '../../../components/today';

/**
 * A register of dated entries for one year: the 居民公约 (with the resolution that adopted it), the yearly
 * plan, the 居民议事日 calendar (one line per day, in date order). A year's register is short: one unpaged table.
 */
export function EntryRegister({ kind }: { kind: RegisterKind }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const today = useHallToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const entries = useLoad(() => api.call('council.listRegister', { kind, year }), [kind, year]);
  const resolutions = useLoad(() => api.call('council.listResolutions', { year }), [year]);
  const [v, setV] = useState({ title: '', text: '', onDate: null as string | null, resolutionId: null as string | null });
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  async function add() {
    setError(null);
    try {
      await api.call('council.saveRegisterEntry', { kind, year, ...v });
      setV({ title: '', text: '', onDate: null, resolutionId: null });
      setFormKey(formKey + 1);
      await entries.reload();
    } catch (err) {
      setError(err);
    }
  }
  const columns: Column<RegisterEntry>[] = [
    { key: 'date', title: t('council.registers.date'), nowrap: true, width: 120, render: (e) => e.onDate ?? '' },
    {
      key: 'title',
      title: t('council.registers.entryTitle'),
      render: (e) => (
        <>
          <Text fw={500} size="sm">
            {e.title}
          </Text>
          {e.text && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {e.text}
            </Text>
          )}
        </>
      ),
    },
    { key: 'resolution', title: t('council.actions.resolution'), nowrap: true, render: (e) => e.resolutionNumber ?? '' },
    {
      key: 'status',
      title: t('council.registers.status'),
      nowrap: true,
      render: (e) => (
        <Badge variant="light" color={e.status === 'active' ? 'green' : 'gray'}>
          {t(`council.registerStatus.${e.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <Stack gap="sm">
      <NumberInput
        label={t('council.registers.year')}
        value={year}
        onChange={(y) => typeof y === 'number' && setYear(y)}
        min={2000}
        max={2100}
        allowDecimal={false}
        w={120}
      />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {can('council.write') && (
        <Card withBorder padding="sm" key={formKey}>
          <Stack gap="xs">
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('council.registers.entryTitle')}
                value={v.title}
                onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <DateField label={t('council.registers.date')} onChange={(d) => setV({ ...v, onDate: d })} />
              <Select
                label={t('council.actions.resolution')}
                data={(resolutions.data ?? []).map((r) => ({ value: r.id, label: `${r.number} ${r.text}` }))}
                value={v.resolutionId}
                onChange={(r) => setV({ ...v, resolutionId: r })}
                clearable
                w={220}
              />
            </Group>
            <Textarea label={t('council.registers.text')} value={v.text} onChange={(e) => setV({ ...v, text: e.currentTarget.value })} autosize minRows={2} />
            <Group justify="flex-end">
              <Button onClick={() => void add()}>{t('council.registers.add')}</Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Card withBorder padding={0}>
        <DataTable
          label={t(`council.registers.${kind}`)}
          columns={columns}
          rows={entries.data}
          rowKey={(e) => e.id}
          loading={entries.loading}
          error={entries.error}
          empty={t('council.registers.none')}
          total={entries.data?.length}
          minWidth={640}
        />
      </Card>
    </Stack>
  );
}
