import { useState } from 'react';
import { Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { agendaCategories, issueStatuses, type AgendaCategory, type Issue, type IssueStatus } from '@shared/contract/council';
import { api } from '../../../api/client';
import { useSignedIn } from '../../../app/session-context';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/use-load';
import { Pager } from '../../../components/list/Pager';
import { usePager } from '../../../components/list/use-pager';

/** 议事事项清单: what residents raised, its 三事分流 category, what was decided and where it stands. */
export function IssuesRegister() {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const pager = usePager('council.issues');
  const issues = useLoad(() => api.call('council.listIssues', { cursor: pager.cursor, limit: 50 }), [pager.cursor]);
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
  return (
    <Stack gap="sm">
      <ErrorAlert error={error ?? issues.error} onClose={() => setError(null)} />
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
        {issues.loading && !issues.data ? (
          <Loader size="sm" m="md" aria-label={t('common.loading')} />
        ) : issues.data?.rows.length === 0 ? (
          <Text p="lg" c="dimmed">
            {t('council.issues.none')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('council.issues.raisedOn')}</Table.Th>
                <Table.Th>{t('council.issues.title')}</Table.Th>
                <Table.Th>{t('council.issues.raisedBy')}</Table.Th>
                <Table.Th>{t('council.agenda.category')}</Table.Th>
                <Table.Th>{t('council.issues.decision')}</Table.Th>
                <Table.Th>{t('council.issues.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {issues.data?.rows.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.raisedOn}</Table.Td>
                  <Table.Td>{i.title}</Table.Td>
                  <Table.Td>{i.raisedBy}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{i.category}</Badge>
                  </Table.Td>
                  <Table.Td>{[i.resolutionNumber, i.decision].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>
                    {can('council.write') ? (
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
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Pager
        page={pager.page}
        hasPrevious={pager.hasPrevious}
        nextCursor={issues.data?.nextCursor ?? null}
        onPrevious={pager.previous}
        onNext={pager.next}
        loading={issues.loading}
      />
    </Stack>
  );
}
