import { useState } from 'react';
import { Badge, Button, Card, Group, Loader, NumberInput, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterKind } from '@shared/contract/council';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';

/**
 * A register of dated entries for one year: the 居民公约 (with the resolution that adopted it), the yearly
 * plan, the 居民议事日 calendar (one line per day, in date order).
 */
export function EntryRegister({ kind }: { kind: RegisterKind }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const [year, setYear] = useState(new Date().getFullYear());
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
      <ErrorAlert error={error ?? entries.error} onClose={() => setError(null)} />
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
        {entries.loading && !entries.data ? (
          <Loader size="sm" m="md" aria-label={t('common.loading')} />
        ) : entries.data?.length === 0 ? (
          <Text p="lg" c="dimmed">
            {t('council.registers.none')}
          </Text>
        ) : (
          <Table striped>
            <Table.Tbody>
              {entries.data?.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td w={120}>{e.onDate ?? ''}</Table.Td>
                  <Table.Td>
                    <Text fw={500}>{e.title}</Text>
                    {e.text && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {e.text}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.resolutionNumber ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.status === 'active' ? 'green' : 'gray'}>
                      {t(`council.registerStatus.${e.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
