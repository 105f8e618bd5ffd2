import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { DataTable, type Column } from '../../../components/list/DataTable';
import { TagBadges } from '../common/TagBadges';
import { StatusBadge } from '../common/StatusBadge';
import { genderLabel } from '../common/labels';
import { codeValueLabel } from '../common/code-values';
import { residentHref } from '../common/hrefs';

type Member = ResidentRow & { relationToHead: string };

/** 户成员: the head first, then by relation as registered. */
export function MembersTable({ members, headId }: { members: Member[]; headId: string | null }) {
  const { t } = useTranslation();
  const ordered = [...members].sort((a, b) => Number(b.id === headId) - Number(a.id === headId));
  const columns: Column<Member>[] = [
    {
      key: 'name',
      title: t('residents.fields.name'),
      nowrap: true,
      render: (m) => (
        <>
          <Anchor href={residentHref(m.id)} size="sm" fw={600}>
            {m.name}
          </Anchor>
          {m.id === headId && (
            <Badge ml={6} size="xs" variant="outline">
              {t('residents.household.head')}
            </Badge>
          )}
        </>
      ),
    },
    { key: 'relation', title: t('residents.fields.relationToHead'), render: (m) => codeValueLabel(t, 'relation_to_head', m.relationToHead) || '—' },
    { key: 'gender', title: t('residents.fields.gender'), render: (m) => genderLabel(t, m.gender) },
    { key: 'age', title: t('residents.fields.age'), numeric: true, render: (m) => m.age ?? '—' },
    { key: 'id', title: t('residents.fields.idNumber'), mono: true, nowrap: true, render: (m) => m.idMasked || '—' },
    { key: 'status', title: t('residents.fields.status'), render: (m) => <StatusBadge row={m} /> },
    { key: 'tags', title: t('residents.fields.tags'), render: (m) => <TagBadges tags={m.tags} size="xs" /> },
  ];
  return (
    <DataTable
      label={t('residents.household.membersLabel')}
      columns={columns}
      rows={ordered}
      rowKey={(m) => m.id}
      empty={t('residents.household.noMembers')}
      rowColor={(m) => (m.archived ? { c: 'dimmed' } : undefined)}
      striped={false}
      minWidth={640}
      bare
    />
  );
}
