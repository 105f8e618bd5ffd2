import type { ReactNode } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { TagBadges } from '../common/TagBadges';
import { genderLabel } from '../common/labels';
import { residentHref, residentsScreen } from '../common/hrefs';

export interface ExtraColumn<R> {
  label: string;
  render: (row: R) => ReactNode;
}

/** A reminder list: the reminder's own columns first (turning 80 on …), then who and where. */
export function PeopleTable<R extends ResidentRow>({ rows, extra, label }: { rows: R[]; extra: ExtraColumn<R>[]; label: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Text p="lg" c="dimmed">
        {t('residents.reminders.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing={6} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {extra.map((c) => (
              <Table.Th key={c.label}>{c.label}</Table.Th>
            ))}
            <Table.Th>{t('residents.fields.name')}</Table.Th>
            <Table.Th>{t('residents.fields.gender')}</Table.Th>
            <Table.Th>{t('residents.fields.phone')}</Table.Th>
            <Table.Th>{t('residents.fields.address')}</Table.Th>
            <Table.Th>{t('residents.fields.grid')}</Table.Th>
            <Table.Th>{t('residents.fields.tags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} onClick={() => navigate(residentsScreen, r.id)} style={{ cursor: 'pointer' }}>
              {extra.map((c) => (
                <Table.Td key={c.label} className="linli-nowrap">
                  {c.render(r)}
                </Table.Td>
              ))}
              <Table.Td className="linli-nowrap">
                <Anchor href={residentHref(r.id)} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
                  {r.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{genderLabel(t, r.gender)}</Table.Td>
              <Table.Td ff="monospace" className="linli-nowrap">
                {r.phoneMasked || '—'}
              </Table.Td>
              <Table.Td>{r.address || '—'}</Table.Td>
              <Table.Td className="linli-nowrap">{r.gridName ?? '—'}</Table.Td>
              <Table.Td>
                <TagBadges tags={r.tags} size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
