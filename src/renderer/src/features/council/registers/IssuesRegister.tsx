import { useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { agendaCategories, issueStatuses, type AgendaCategory, type Issue, type IssueStatus } from '@shared/contract/council';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { useKeysetList } from '../../../components/list/use-keyset-list';

/** 议事事项清单: what residents raised, its 三事分流 category, what was decided and where it stands. */
export function IssuesRegister() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const issues = useKeysetList('council.issues', (cursor) => api.call('council.listIssues', { cursor, limit: 50 }));
  const [v, setV] = useState({ title: '', raisedBy: '', raisedOn: null as string | null, category: agendaCategories[1] as AgendaCategory });
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  async function add() {
    setError(null);
    try {
      await api.call('council.saveIssue', { ...v, raisedOn: v.raisedOn ?? '' });
      setV({ ...v, title: '', raisedBy: '', raisedOn: null });
      setFormKey(formKey + 1);
      await issues.reload();
    } catch (err) {
      setError(err);
    }
  }
  async function update(issue: Issue, status: IssueStatus) {
    setError(null);
    try {
      await api.call('council.saveIssue', { ...issue, status });
      await issues.reload();
    } catch (err) {
      setError(err);
    }
  }
  const columns: Column<Issue>[] = [
    { key: 'raisedOn', title: t('council.issues.raisedOn'), nowrap: true, render: (i) => i.raisedOn },
    { key: 'title', title: t('council.issues.title'), render: (i) => i.title },
    { key: 'raisedBy', title: t('council.issues.raisedBy'), render: (i) => i.raisedBy },
    { key: 'category', title: t('council.agenda.category'), nowrap: true, render: (i) => <Badge variant="light">{i.category}</Badge> },
    { key: 'decision', title: t('council.issues.decision'), render: (i) => [i.resolutionNumber, i.decision].filter(Boolean).join(' ') },
    {
      key: 'status',
      title: t('council.issues.status'),
      render: (i) =>
        can('council.write') ? (
          <Select
            size="xs"
            aria-label={t('council.issues.statusOf', { title: i.title })}
            data={issueStatuses.map((s) => ({ value: s, label: t(`council.issueStatus.${s}`) }))}
            value={i.status}
            onChange={(s) => s && s !== i.status && void update(i, s as IssueStatus)}
            allowDeselect={false}
            w={120}
          />
        ) : (
          t(`council.issueStatus.${i.status}`)
        ),
    },
  ];
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {can('council.write') && (
        <Card withBorder padding="sm" key={formKey}>
          <Group align="flex-end" gap="xs">
            <TextInput label={t('council.issues.title')} value={v.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} style={{ flex: 1 }} />
            <TextInput label={t('council.issues.raisedBy')} value={v.raisedBy} onChange={(e) => setV({ ...v, raisedBy: e.currentTarget.value })} w={140} />
            <DateField label={t('council.issues.raisedOn')} onChange={(d) => setV({ ...v, raisedOn: d })} />
            <Select
              label={t('council.agenda.category')}
              data={agendaCategories.map((c) => ({ value: c, label: t(`council.categories.${c}`) }))}
              value={v.category}
              onChange={(c) => c && setV({ ...v, category: c as AgendaCategory })}
              allowDeselect={false}
              w={170}
            />
            <Button onClick={() => void add()}>{t('council.issues.add')}</Button>
          </Group>
        </Card>
      )}
      <Card withBorder padding={0}>
        <DataTable
          label={t('council.registers.issues')}
          columns={columns}
          rows={issues.data?.rows}
          rowKey={(i) => i.id}
          loading={issues.loading}
          error={issues.error}
          empty={t('council.issues.none')}
          total={issues.total}
          pager={issues.pager}
          minWidth={860}
        />
      </Card>
    </Stack>
  );
}
