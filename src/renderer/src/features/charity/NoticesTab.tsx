import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Notice } from '@shared/contract/charity/notices';
import { api } from '../../api/client';
import { useSession } from '../../app/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, type Column } from '../../components/list/DataTable';
import { useLoad } from '../../components/use-load';
import { yuan } from './money';
import { useCharityJob } from './use-charity-job';
import { ExportButton } from '../../components/report-job/ExportButton';

/** The notice's tables as spreadsheets; the printed notice is a document (ExportButton). */
const tableFormats = ['xlsx', 'csv'] as const;

/**
 * Public notices (公示): preview a period, publish it (frozen), correct it with a new notice. The notice prints through the
 * document engine (charity_notice: A4 PDF, Word, web page; charity_notice_poster: the A3 poster); XLSX and CSV are tables.
 * The published notices are a few a month: one unpaged list.
 */
export function NoticesTab() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useLoad(() => api.call('charity.listNotices', {}), []);
  const [period, setPeriod] = useState('');
  const [preview, setPreview] = useState<Awaited<ReturnType<typeof api.call<'charity.previewNotice'>>> | null>(null);
  const [correcting, setCorrecting] = useState<Notice | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const job = useCharityJob();
  const columns: Column<Notice>[] = [
    { key: 'number', title: t('charity.notices.number'), nowrap: true, mono: true, render: (n) => n.number },
    {
      key: 'title',
      title: t('charity.notices.title'),
      cellProps: { miw: 200 },
      render: (n) => (
        <>
          {n.title} {n.supersededById && <Badge color="gray">{t('charity.notices.superseded')}</Badge>}
          <Text size="xs" c="dimmed">
            {t('charity.notices.published', { at: n.publishedAt.slice(0, 10), by: n.publishedByName, days: n.noticeDays })}
          </Text>
        </>
      ),
    },
    { key: 'entries', title: t('charity.notices.entries'), nowrap: true, mono: true, render: (n) => (n.firstSeq ? `${n.firstSeq}–${n.lastSeq}` : '—') },
    {
      key: 'head',
      title: t('charity.notices.head'),
      mono: true,
      // The whole digest, for anyone comparing it with the printed notice: it breaks anywhere rather than widening the table.
      cellProps: { fz: 'xs', style: { wordBreak: 'break-all', minWidth: 180, maxWidth: 260 } },
      render: (n) => <span data-testid="notice-digest">{n.headHash}</span>,
    },
    {
      key: 'files',
      title: t('charity.notices.files'),
      render: (n) => (
        <Group gap={4} wrap="nowrap">
          <ExportButton report="charity_notice" params={{ notice: n.id }} formats={['pdf', 'docx', 'html']} label={t('charity.notices.print')} />
          <ExportButton report="charity_notice_poster" params={{ notice: n.id }} formats={['pdf']} label={t('charity.notices.formats.poster')} />
          {tableFormats.map((f) => (
            <Button
              key={f}
              size="compact-xs"
              variant="light"
              disabled={job.busy}
              onClick={() => void job.start(() => api.call('charity.exportNotice', { id: n.id, format: f }))}
            >
              {t(`charity.notices.formats.${f}`)}
            </Button>
          ))}
          {can('charity.publish') && !n.supersededById && (
            <Button size="compact-xs" variant="subtle" color="orange" onClick={() => (setCorrecting(n), setPeriod(n.periodKey), setPreview(null))}>
              {t('charity.notices.correct')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  async function publish() {
    try {
      await api.call('charity.publishNotice', { period, supersedesId: correcting?.id ?? null, correctionReason: correcting ? reason : null });
      setPreview(null);
      setCorrecting(null);
      setReason('');
      void list.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <Stack>
      <Card withBorder>
        <Title order={4} fz="md" mb="xs">
          {correcting ? t('charity.notices.correctTitle', { number: correcting.number }) : t('charity.notices.newTitle')}
        </Title>
        <form onSubmit={(e) => (e.preventDefault(), void api.call('charity.previewNotice', { period }).then(setPreview, setError))}>
          <Group align="flex-end">
            <TextInput
              label={t('charity.notices.period')}
              description={t('charity.notices.periodHint')}
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
              w={260}
            />
            {correcting && (
              <TextInput label={t('charity.notices.correctionReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} />
            )}
            <Button type="submit" variant="light">
              {t('charity.notices.preview')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {preview && (
          <Stack mt="sm" gap="xs">
            <Text fw={700}>{preview.title}</Text>
            <Text size="sm">
              {t('charity.notices.summary', {
                income: preview.body.income.length,
                expenditure: preview.body.expenditure.length,
                opening: yuan(preview.body.totals.openingFen),
                closing: yuan(preview.body.totals.closingFen),
              })}
            </Text>
            <Text size="xs" className="linli-mono" style={{ wordBreak: 'break-all' }}>
              {t('charity.notices.digest', { seq: preview.headSeq, hash: preview.headHash })}
            </Text>
            {can('charity.publish') && (
              <Group>
                <Button color="green" onClick={() => void publish()}>
                  {correcting ? t('charity.notices.publishCorrection') : t('charity.notices.publish')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Card>
      {job.state.kind === 'failed' && <ErrorAlert error={job.state.error} />}
      {job.state.kind === 'saved' && (
        <Alert color="green" role="status">
          {t('reports.exported', { name: job.state.fileName })}
        </Alert>
      )}
      <Card withBorder padding={0}>
        <DataTable
          label={t('charity.notices.tableLabel')}
          columns={columns}
          rows={list.data}
          rowKey={(n) => n.id}
          rowTestId={(n) => `notice-${n.number}`}
          loading={list.loading}
          error={list.error}
          empty={t('charity.notices.none')}
          total={list.data?.length}
          minWidth={1000}
        />
      </Card>
      <Group>
        <Button variant="default" disabled={job.busy} onClick={() => void job.start(() => api.call('charity.exportPublicLedger', {}))}>
          {t('charity.notices.exportLedger')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('charity.notices.ledgerHint')}
        </Text>
      </Group>
    </Stack>
  );
}
