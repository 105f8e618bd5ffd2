import { useState } from 'react';
import { ActionIcon, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/contract/audit';
import { useSignedIn } from '../../app/session-context';
import { DataTable, type Column, type KeysetPager } from '../../components/list/DataTable';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { AuditDiff } from './AuditDiff';
import { actionLabel, areaLabel, recordTypeLabel } from './labels';
import { summaryText } from './summary';

/** One page of the audit trail, newest first; a row opens to show what changed (AuditDiff). */
interface AuditTableProps {
  entries: AuditEntry[] | undefined;
  total: number | undefined;
  loading: boolean;
  error: unknown;
  pager: KeysetPager;
  pageSize: number;
}

export function AuditTable({ entries, total, loading, error, pager, pageSize }: AuditTableProps) {
  const { t, i18n } = useTranslation();
  const { settings } = useSignedIn();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  const first = (pager.page - 1) * pageSize + 1;
  const last = (pager.page - 1) * pageSize + (entries?.length ?? 0);

  const columns: Column<AuditEntry>[] = [
    {
      key: 'toggle',
      title: <VisuallyHidden>{t('audit.details')}</VisuallyHidden>,
      width: 36,
      render: (e) => {
        const expanded = open.has(e.seq);
        return (
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => toggle(e.seq)}
            aria-expanded={expanded}
            aria-label={expanded ? t('audit.collapse', { seq: e.seq }) : t('audit.expand', { seq: e.seq })}
          >
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        );
      },
    },
    { key: 'seq', title: t('auditReport.columns.seq'), numeric: true, render: (e) => e.seq },
    { key: 'at', title: t('auditReport.columns.at'), nowrap: true, render: (e) => formatDateTime(e.at, settings.timeZone) },
    { key: 'actor', title: t('auditReport.columns.actor'), nowrap: true, render: (e) => e.actorName ?? t('audit.noActor') },
    { key: 'action', title: t('auditReport.columns.action'), render: (e) => actionLabel(t, e.action) },
    { key: 'area', title: t('auditReport.columns.area'), nowrap: true, render: (e) => areaLabel(t, e.area) },
    {
      key: 'record',
      title: t('auditReport.columns.record'),
      render: (e) =>
        e.recordId && (
          <Text size="sm" title={e.recordId}>
            {e.recordType ? recordTypeLabel(t, e.recordType) : ''} <span className="linli-mono">…{e.recordId.slice(-8)}</span>
          </Text>
        ),
    },
    {
      key: 'summary',
      title: t('auditReport.columns.summary'),
      render: (e) => (
        <Text size="sm" lineClamp={2} style={{ wordBreak: 'break-all' }}>
          {summaryText(t, e)}
        </Text>
      ),
    },
  ];

  return (
    <DataTable
      label={t('audit.tableLabel')}
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.seq)}
      loading={loading}
      error={error}
      empty={t('audit.none')}
      total={total}
      totalLabel={(formatted, count) => {
        if (count === 0) return t('audit.countNone');
        return t('audit.count', { first: formatNumber(first, i18n.language), last: formatNumber(last, i18n.language), total: formatted });
      }}
      pager={pager}
      expanded={(e) => (open.has(e.seq) ? <AuditDiff entry={e} /> : null)}
      striped={false}
      minWidth={1000}
    />
  );
}
