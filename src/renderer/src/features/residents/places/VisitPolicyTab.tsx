import { useEffect, useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { residentStatuses, type VisitPolicyRow } from '@shared/contract/residents';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { statusLabel } from '../common/labels';
import { useTags } from '../common/use-catalog';

/**
 * How often households are visited: per tag and per status, and a default. A household's interval is the
 * shortest among its members' ("3456": 流动人口 weekly, 重点人群 monthly, everyone else half-yearly).
 */
export function VisitPolicyTab() {
  const { t } = useTranslation();
  // Copied into the rows being edited below: not swapped under the user by a change saved elsewhere.
  const policy = useLoad(() => api.call('residents.visitPolicy', {}), [], { live: false });
  const tags = useTags();
  const [rows, setRows] = useState<VisitPolicyRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (policy.data) setRows(policy.data);
  }, [policy.data]);

  const update = (i: number, patch: Partial<VisitPolicyRow>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const hasDefault = rows.some((r) => r.kind === 'default');

  async function save() {
    setBusy(true);
    setError(null);
    try {
      setRows(await api.call('residents.saveVisitPolicy', { rows }));
      notifications.show({ color: 'green', message: t('residents.places.policySaved') });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('residents.places.policyIntro')}
      </Text>
      <ErrorAlert error={policy.error} />
      <Table fz="sm" verticalSpacing={4} aria-label={t('residents.places.policy')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>{t('residents.places.policyKind')}</Table.Th>
            <Table.Th>{t('residents.places.policyMatch')}</Table.Th>
            <Table.Th w={180}>{t('residents.places.policyDays')}</Table.Th>
            <Table.Th w={60} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <Select
                  aria-label={t('residents.places.policyKindOf', { n: i + 1 })}
                  data={[
                    { value: 'tag', label: t('residents.places.policyKinds.tag') },
                    { value: 'status', label: t('residents.places.policyKinds.status') },
                    { value: 'default', label: t('residents.places.policyKinds.default'), disabled: hasDefault && r.kind !== 'default' },
                  ]}
                  value={r.kind}
                  onChange={(v) => update(i, { kind: v as VisitPolicyRow['kind'], match: v === 'default' ? '*' : '' })}
                  allowDeselect={false}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                {r.kind === 'tag' && (
                  <Select
                    aria-label={t('residents.places.policyMatchOf', { n: i + 1 })}
                    data={(tags.data ?? []).map((tag) => tag.name)}
                    value={r.match || null}
                    onChange={(v) => update(i, { match: v ?? '' })}
                    searchable
                    selectFirstOptionOnChange
                    size="xs"
                  />
                )}
                {r.kind === 'status' && (
                  <Select
                    aria-label={t('residents.places.policyMatchOf', { n: i + 1 })}
                    data={residentStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
                    value={r.match || null}
                    onChange={(v) => update(i, { match: v ?? '' })}
                    size="xs"
                  />
                )}
                {r.kind === 'default' && (
                  <TextInput
                    aria-label={t('residents.places.policyMatchOf', { n: i + 1 })}
                    value={t('residents.places.policyEveryone')}
                    readOnly
                    size="xs"
                    variant="filled"
                  />
                )}
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('residents.places.policyDaysOf', { n: i + 1 })}
                  value={r.intervalDays}
                  onChange={(v) => update(i, { intervalDays: typeof v === 'number' ? v : 0 })}
                  min={1}
                  max={730}
                  allowDecimal={false}
                  size="xs"
                  rightSection={
                    <Text size="xs" c="dimmed">
                      {t('residents.places.days')}
                    </Text>
                  }
                  rightSectionWidth={36}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('residents.places.removeRow', { n: i + 1 })}
                  onClick={() => setRows((rs) => rs.filter((_, k) => k !== i))}
                  disabled={r.kind === 'default'}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setRows((rs) => [...rs, { kind: 'tag', match: '', intervalDays: 30 }])}
        >
          {t('residents.places.addRow')}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={rows.some((r) => !r.match || r.intervalDays < 1)}>
          {t('common.save')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}
