import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
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
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} fz="sm" highlightOnHover aria-label={t('residents.household.membersLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('residents.fields.name')}</Table.Th>
            <Table.Th>{t('residents.fields.relationToHead')}</Table.Th>
            <Table.Th>{t('residents.fields.gender')}</Table.Th>
            <Table.Th>{t('residents.fields.age')}</Table.Th>
            <Table.Th>{t('residents.fields.idNumber')}</Table.Th>
            <Table.Th>{t('residents.fields.status')}</Table.Th>
            <Table.Th>{t('residents.fields.tags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((m) => (
            <Table.Tr key={m.id} c={m.archived ? 'dimmed' : undefined}>
              <Table.Td className="linli-nowrap">
                <Anchor href={residentHref(m.id)} size="sm" fw={600}>
                  {m.name}
                </Anchor>
                {m.id === headId && (
                  <Badge ml={6} size="xs" variant="outline">
                    {t('residents.household.head')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{codeValueLabel(t, 'relation_to_head', m.relationToHead) || '—'}</Table.Td>
              <Table.Td>{genderLabel(t, m.gender)}</Table.Td>
              <Table.Td className="linli-num">{m.age ?? '—'}</Table.Td>
              <Table.Td ff="monospace" className="linli-nowrap">
                {m.idMasked || '—'}
              </Table.Td>
              <Table.Td>
                <StatusBadge row={m} />
              </Table.Td>
              <Table.Td>
                <TagBadges tags={m.tags} size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
