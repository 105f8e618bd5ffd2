import { Fragment, useState } from 'react';
import { ActionIcon, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/contract/audit';
import { useSignedIn } from '../../app/session-context';
import { formatDateTime } from '../../i18n/format';
import { AuditDiff } from './AuditDiff';
import { actionLabel, areaLabel, recordTypeLabel } from './labels';
import { summaryText } from './summary';

const COLUMNS = 8;

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const { settings } = useSignedIn();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing={6} highlightOnHover aria-label={t('audit.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th ta="right">{t('auditReport.columns.seq')}</Table.Th>
            <Table.Th>{t('auditReport.columns.at')}</Table.Th>
            <Table.Th>{t('auditReport.columns.actor')}</Table.Th>
            <Table.Th>{t('auditReport.columns.action')}</Table.Th>
            <Table.Th>{t('auditReport.columns.area')}</Table.Th>
            <Table.Th>{t('auditReport.columns.record')}</Table.Th>
            <Table.Th>{t('auditReport.columns.summary')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const expanded = open.has(e.seq);
            return (
              <Fragment key={e.seq}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon variant="subtle" size="sm" onClick={() => toggle(e.seq)} aria-expanded={expanded} aria-label={expanded ? t('audit.collapse', { seq: e.seq }) : t('audit.expand', { seq: e.seq })}>
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td className="linli-num">{e.seq}</Table.Td>
                  <Table.Td className="linli-nowrap">{formatDateTime(e.at, settings.timeZone)}</Table.Td>
                  <Table.Td className="linli-nowrap">{e.actorName ?? t('audit.noActor')}</Table.Td>
                  <Table.Td>{actionLabel(t, e.action)}</Table.Td>
                  <Table.Td className="linli-nowrap">{areaLabel(t, e.area)}</Table.Td>
                  <Table.Td>
                    {e.recordId && (
                      <Text size="sm" title={e.recordId}>
                        {e.recordType ? recordTypeLabel(t, e.recordType) : ''} <span className="linli-mono">…{e.recordId.slice(-8)}</span>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                      {summaryText(t, e)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={COLUMNS - 1} bg="gray.0">
                      <AuditDiff entry={e} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
