import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { TagBadges } from '../common/TagBadges';
import { StatusBadge } from '../common/StatusBadge';
import { genderLabel } from '../common/labels';
import { residentHref, residentsScreen } from '../common/hrefs';
import { SortHeader } from './SortHeader';
import type { ListSort } from './list-filters';

/**
 * One page of residents. The name is a link (Tab, Enter); the whole row is clickable for the mouse.
 * ID numbers and phones arrive masked from main; nothing here could show more.
 */
export function ResidentTable({ rows, sort, onSort }: { rows: ResidentRow[]; sort: ListSort; onSort: (s: ListSort) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table striped highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" aria-label={t('residents.list.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader label={t('residents.fields.name')} column="name" sort={sort} onSort={onSort} />
            <Table.Th>{t('residents.fields.gender')}</Table.Th>
            <SortHeader label={t('residents.fields.age')} column="birthDate" sort={sort} onSort={onSort} title={t('residents.list.sortByBirth')} />
            <Table.Th>{t('residents.fields.idNumber')}</Table.Th>
            <Table.Th>{t('residents.fields.phone')}</Table.Th>
            <Table.Th>{t('residents.fields.status')}</Table.Th>
            <Table.Th>{t('residents.fields.address')}</Table.Th>
            <Table.Th>{t('residents.fields.grid')}</Table.Th>
            <Table.Th>{t('residents.fields.tags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} onClick={() => navigate(residentsScreen, r.id)} style={{ cursor: 'pointer' }} c={r.archived ? 'dimmed' : undefined}>
              <Table.Td className="linli-nowrap">
                <Anchor href={residentHref(r.id)} fw={600} size="sm" onClick={(e) => e.stopPropagation()} c={r.archived ? 'dimmed' : undefined}>
                  {r.name}
                </Anchor>
              </Table.Td>
              <Table.Td className="linli-nowrap">{genderLabel(t, r.gender)}</Table.Td>
              <Table.Td className="linli-num">{r.age ?? '—'}</Table.Td>
              <Table.Td className="linli-nowrap" ff="monospace">
                {r.idMasked || '—'}
              </Table.Td>
              <Table.Td className="linli-nowrap" ff="monospace">
                {r.phoneMasked || '—'}
              </Table.Td>
              <Table.Td>
                <StatusBadge row={r} />
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" lineClamp={2}>
                  {r.address || '—'}
                </Text>
              </Table.Td>
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
