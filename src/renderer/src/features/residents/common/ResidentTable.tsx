import type { ReactNode } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResidentRow } from '@shared/contract/residents';
import { navigate } from '../../../app/router';
import { TagBadges } from './TagBadges';
import { StatusBadge } from './StatusBadge';
import { genderLabel } from './labels';
import { residentHref, residentsScreen } from './hrefs';

/** A column a screen puts before the resident's own (a reminder's date, the age someone turns). */
export interface LeadColumn<R> {
  label: string;
  render: (row: R) => ReactNode;
}

/**
 * One page of residents, for the register and the reminder lists alike. The name is a link (Tab, Enter);
 * the whole row is clickable for the mouse. ID numbers and phones arrive masked from main; nothing here
 * could show more. `headers` replaces the name and age headers (the register's sort buttons).
 */
export function ResidentTable<R extends ResidentRow>({ rows, label, lead = [], headers }: { rows: R[]; label: string; lead?: LeadColumn<R>[]; headers?: { name: ReactNode; age: ReactNode } }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1040 + 140 * lead.length}>
      <Table striped highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {lead.map((c) => (
              <Table.Th key={c.label}>{c.label}</Table.Th>
            ))}
            {headers?.name ?? <Table.Th>{t('residents.fields.name')}</Table.Th>}
            <Table.Th>{t('residents.fields.gender')}</Table.Th>
            {headers?.age ?? <Table.Th>{t('residents.fields.age')}</Table.Th>}
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
              {lead.map((c) => (
                <Table.Td key={c.label} className="linli-nowrap">
                  {c.render(r)}
                </Table.Td>
              ))}
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
